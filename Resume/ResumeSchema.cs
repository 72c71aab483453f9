using Json.Pointer;
using Json.Schema;

namespace CloudResume.Resume;

/// <summary>
/// Validates a resume against the official JSON Resume schema (from the npm package <c>@jsonresume/schema</c>,
/// copied into Schema/ by the build) and the page's own rules (Schema/page-rules.schema.json: a name), with
/// JsonSchema.Net; each failure becomes a <see cref="ResumeProblem"/> an owner can act on.
/// </summary>
public static class ResumeSchema
{
    /// <summary>The schema file this checkout validates against, as shipped by the npm package.</summary>
    public const string OfficialSchemaResource = "resume.schema.json";
    public const string PageRulesResource = "page-rules.schema.json";

    private static readonly Lazy<IReadOnlyList<LoadedSchema>> Schemas = new(() => [Load(OfficialSchemaResource), Load(PageRulesResource)]);

    // Formats are assertions here (a draft-07 validator may treat them as annotations): a bad URL is an error.
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Every problem of the document, official schema first; empty when it is a valid resume for the page.</summary>
    public static IReadOnlyList<ResumeProblem> Validate(JsonElement document)
    {
        var problems = new List<ResumeProblem>();
        foreach (var schema in Schemas.Value)
        {
            var results = schema.Schema.Evaluate(document, Options);
            foreach (var detail in results.Details ?? [])
            {
                foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
                {
                    problems.AddRange(Describe(schema, document, detail, keyword, message));
                }
            }
        }
        return problems.Distinct().ToList();
    }

    /// <summary>The text of an embedded schema file.</summary>
    public static string Text(string resource)
    {
        using var stream = typeof(ResumeSchema).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{resource} is not embedded in {typeof(ResumeSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static LoadedSchema Load(string resource)
    {
        var text = Text(resource);
        return new LoadedSchema(JsonSchema.FromText(text), JsonNode.Parse(text)!);
    }

    private static IEnumerable<ResumeProblem> Describe(LoadedSchema schema, JsonElement document, EvaluationResults detail, string keyword, string fallback)
    {
        var where = detail.InstanceLocation;
        var value = where.Evaluate(document);
        var rule = schema.RuleAt(detail.EvaluationPath);
        if (keyword == "required")
        {
            // The schema lists what must be there; name each missing field by its own path.
            var required = rule?["required"]?.AsArray().Select(name => name!.GetValue<string>()) ?? [];
            foreach (var name in required.Where(name => value?.ValueKind == JsonValueKind.Object && !value.Value.TryGetProperty(name, out _)))
            {
                yield return new ResumeProblem(ResumeProblem.FieldPath(where.Combine(name)), "is required");
            }
            yield break;
        }
        var path = ResumeProblem.FieldPath(where);
        var found = value is { } v ? $" (found {ResumeProblem.Found(v)})" : "";
        yield return keyword switch
        {
            "type" => new ResumeProblem(path, $"must be {ExpectedType(rule)}, not {ResumeProblem.TypeName(value?.ValueKind ?? JsonValueKind.Null)}"),
            "format" => new ResumeProblem(path, (rule?["format"]?.GetValue<string>()) switch
            {
                "uri" => $"must be a full URL such as https://example.com/you{found}",
                "email" => $"must be an email address such as you@example.com{found}",
                var format => $"must be in the {format} format{found}",
            }),
            "pattern" when schema.IsDate(rule) =>
                new ResumeProblem(path, $"must be a date as YYYY-MM-DD, YYYY-MM or YYYY{found}"),
            "minLength" => new ResumeProblem(path, "must not be empty"),
            _ => new ResumeProblem(path, fallback + found),
        };
    }

    private static string ExpectedType(JsonNode? rule) => rule?["type"] switch
    {
        JsonArray types => string.Join(" or ", types.Select(type => ResumeProblem.TypeName(Kind(type!.GetValue<string>())))),
        JsonValue type => ResumeProblem.TypeName(Kind(type.GetValue<string>())),
        _ => "another type",
    };

    private static JsonValueKind Kind(string schemaType) => schemaType switch
    {
        "object" => JsonValueKind.Object,
        "array" => JsonValueKind.Array,
        "string" => JsonValueKind.String,
        "number" or "integer" => JsonValueKind.Number,
        "boolean" => JsonValueKind.True,
        _ => JsonValueKind.Null,
    };

    /// <summary>A built schema beside its text, so a failed rule's own words (its type, format, required list) can be read.</summary>
    private sealed record LoadedSchema(JsonSchema Schema, JsonNode Node)
    {
        /// <summary>
        /// The rule an evaluation path leads to, following the schema's local <c>$ref</c>s. (The evaluation path, not the
        /// reported schema location: JsonSchema.Net 8 reports the latter with an extra segment inside <c>items</c>.)
        /// </summary>
        public JsonNode? RuleAt(JsonPointer evaluationPath)
        {
            var rule = Node;
            for (var i = 0; i < evaluationPath.SegmentCount && rule is not null; i++)
            {
                var segment = evaluationPath[i].ToString();
                rule = segment == "$ref"
                    ? rule["$ref"]?.GetValue<string>() is { } target && target.StartsWith('#') && JsonPointer.TryParse(target[1..], out var local)
                        && local.TryEvaluate(Node, out var referenced) ? referenced : null
                    : rule is JsonObject rules ? rules[segment] : null;
            }
            return rule;
        }

        public bool IsDate(JsonNode? rule) => rule is not null && ReferenceEquals(rule, Node["definitions"]?["iso8601"]);
    }
}

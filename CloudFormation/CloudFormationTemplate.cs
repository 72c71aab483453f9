using System.Text.RegularExpressions;

namespace CloudResume.CloudFormation;

/// <summary>
/// A CloudFormation template read the way CloudFormation reads it: parameters validated and
/// defaulted, conditions evaluated, resources' properties with <c>Ref</c>, <c>Fn::Sub</c>,
/// <c>Fn::GetAtt</c>, <c>Fn::If</c>, <c>Fn::Join</c>, <c>Fn::Select</c> and <c>AWS::NoValue</c> resolved.
/// </summary>
public sealed partial class CloudFormationTemplate
{
    private readonly Dictionary<string, bool> _conditions = [];
    private readonly Dictionary<string, TemplateResource> _resources = [];

    private CloudFormationTemplate(JsonObject document, StackContext context)
    {
        Document = document;
        Context = context;
        Parameters = ReadParameters(document, context);
        foreach (var name in (document["Conditions"] as JsonObject ?? []).Select(c => c.Key))
        {
            Condition(name);
        }
        foreach (var (id, node) in document["Resources"] as JsonObject ?? throw new TemplateException("The template has no Resources."))
        {
            if (node is not JsonObject definition || (string?)definition["Type"] is not { } type)
            {
                throw new TemplateException($"Resource {id} has no Type.");
            }
            if ((string?)definition["Condition"] is { } condition && !Condition(condition))
            {
                continue;
            }
            var properties = Resolve(definition["Properties"]) as JsonObject ?? [];
            _resources[id] = new TemplateResource(id, type, properties, definition);
        }
    }

    /// <summary>The template as written (long form, nothing resolved).</summary>
    public JsonObject Document { get; }

    public StackContext Context { get; }

    /// <summary>Every parameter's value: the override when given, else the default.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public IReadOnlyCollection<TemplateResource> Resources => _resources.Values;

    public static CloudFormationTemplate Load(string path, StackContext? context = null)
    {
        if (!File.Exists(path))
        {
            throw new TemplateException($"Template not found: {Path.GetFullPath(path)}");
        }
        return Parse(File.ReadAllText(path), context);
    }

    public static CloudFormationTemplate Parse(string yaml, StackContext? context = null) =>
        new(TemplateYaml.Parse(yaml), context ?? new StackContext());

    public TemplateResource Resource(string logicalId) =>
        _resources.TryGetValue(logicalId, out var resource)
            ? resource
            : throw new TemplateException($"The template has no resource {logicalId}.");

    public IEnumerable<TemplateResource> ResourcesOfType(string type) => _resources.Values.Where(r => r.Type == type);

    public TemplateResource SingleOfType(string type) => ResourcesOfType(type).ToList() switch
    {
        [var only] => only,
        var found => throw new TemplateException($"Expected exactly one {type}, found {found.Count}."),
    };

    public bool Condition(string name)
    {
        if (_conditions.TryGetValue(name, out var known))
        {
            return known;
        }
        var definition = (Document["Conditions"] as JsonObject)?[name]
            ?? throw new TemplateException($"The template has no condition {name}.");
        return _conditions[name] = Truth(definition);
    }

    /// <summary>Evaluates intrinsic functions in <paramref name="node"/>; null stands for AWS::NoValue.</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count == 1 && IsFunction(obj.First().Key):
                var (name, argument) = obj.First();
                return Evaluate(name, argument);
            case JsonObject obj:
                var resolved = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    if (Resolve(child) is { } value)
                    {
                        resolved[key] = value;
                    }
                }
                return resolved;
            case JsonArray array:
                return new JsonArray([.. array.Select(Resolve).Where(item => item is not null)]);
            default:
                return node?.DeepClone();
        }
    }

    private static bool IsFunction(string key) => key is "Ref" or "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal);

    private JsonNode? Evaluate(string function, JsonNode? argument) => function switch
    {
        "Ref" => Ref(Text(argument, function)),
        "Fn::GetAtt" => GetAtt(argument),
        "Fn::Sub" => Sub(argument),
        "Fn::If" => If(argument),
        "Fn::Join" => Join(argument),
        "Fn::Select" => Select(argument),
        "Condition" or "Fn::Equals" or "Fn::Not" or "Fn::And" or "Fn::Or" =>
            JsonValue.Create(Truth(new JsonObject { [function] = argument?.DeepClone() })),
        _ => throw new TemplateException($"Unsupported intrinsic function {function}."),
    };

    private JsonNode? Ref(string name)
    {
        if (name == "AWS::NoValue")
        {
            return null;
        }
        if (Pseudo(name) is { } pseudo)
        {
            return pseudo;
        }
        if (Parameters.TryGetValue(name, out var value))
        {
            var type = (string?)Document["Parameters"]?[name]?["Type"];
            return type == "Number" && long.TryParse(value, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }
        return JsonValue.Create(PhysicalId(name));
    }

    private string? Pseudo(string name) => name switch
    {
        "AWS::StackName" => Context.StackName,
        "AWS::Region" => Context.Region,
        "AWS::AccountId" => Context.AccountId,
        "AWS::Partition" => Context.Partition,
        "AWS::URLSuffix" => Context.UrlSuffix,
        "AWS::StackId" => $"arn:{Context.Partition}:cloudformation:{Context.Region}:{Context.AccountId}:stack/{Context.StackName}/local",
        _ => null,
    };

    /// <summary>The name a resource would have: the override, its own name property, or its logical id.</summary>
    public string PhysicalId(string logicalId)
    {
        if (Context.PhysicalIds.TryGetValue(logicalId, out var id))
        {
            return id;
        }
        var definition = (Document["Resources"] as JsonObject)?[logicalId] as JsonObject
            ?? throw new TemplateException($"!Ref {logicalId}: no such parameter or resource.");
        var nameProperty = (string?)definition["Type"] switch
        {
            "AWS::DynamoDB::Table" => "TableName",
            "AWS::Lambda::Function" => "FunctionName",
            "AWS::Logs::LogGroup" => "LogGroupName",
            "AWS::S3::Bucket" => "BucketName",
            _ => null,
        };
        var named = nameProperty is null ? null : definition["Properties"]?[nameProperty];
        return named is null ? logicalId : Text(Resolve(named), nameProperty!);
    }

    private JsonNode GetAtt(JsonNode? argument)
    {
        var parts = argument as JsonArray ?? throw new TemplateException("Fn::GetAtt takes [resource, attribute].");
        var (resource, attribute) = (Text(parts[0], "Fn::GetAtt"), Text(Resolve(parts[1]), "Fn::GetAtt"));
        return JsonValue.Create(Attribute(resource, attribute));
    }

    private string Attribute(string logicalId, string attribute)
    {
        var type = (string?)Document["Resources"]?[logicalId]?["Type"]
            ?? throw new TemplateException($"Fn::GetAtt {logicalId}.{attribute}: no such resource.");
        var (partition, region, account, id) = (Context.Partition, Context.Region, Context.AccountId, PhysicalId(logicalId));
        return (type, attribute) switch
        {
            ("AWS::DynamoDB::Table", "Arn") => $"arn:{partition}:dynamodb:{region}:{account}:table/{id}",
            ("AWS::Lambda::Function", "Arn") => $"arn:{partition}:lambda:{region}:{account}:function:{id}",
            ("AWS::IAM::Role", "Arn") => $"arn:{partition}:iam::{account}:role/{id}",
            ("AWS::Logs::LogGroup", "Arn") => $"arn:{partition}:logs:{region}:{account}:log-group:{id}:*",
            ("AWS::S3::Bucket", "Arn") => $"arn:{partition}:s3:::{id}",
            ("AWS::S3::Bucket", "RegionalDomainName") => $"{id}.s3.{region}.{Context.UrlSuffix}",
            ("AWS::ApiGatewayV2::Api", "ApiEndpoint") => $"https://{id}.execute-api.{region}.{Context.UrlSuffix}",
            ("AWS::CloudFront::Distribution", "DomainName") => $"{id}.cloudfront.net",
            _ => $"{id}.{attribute}",
        };
    }

    private JsonNode Sub(JsonNode? argument)
    {
        var (format, variables) = argument switch
        {
            JsonArray and [var text, JsonObject vars] => (Text(text, "Fn::Sub"), vars),
            _ => (Text(argument, "Fn::Sub"), new JsonObject()),
        };
        var result = SubstitutionPattern().Replace(format, match =>
        {
            var name = match.Groups[1].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }
            if (variables[name] is { } variable)
            {
                return Text(Resolve(variable), "Fn::Sub");
            }
            var dot = name.IndexOf('.');
            return dot > 0 && !name.StartsWith("AWS::", StringComparison.Ordinal)
                ? Attribute(name[..dot], name[(dot + 1)..])
                : Text(Ref(name), "Fn::Sub");
        });
        return JsonValue.Create(result);
    }

    private JsonNode? If(JsonNode? argument) => argument switch
    {
        JsonArray and [var name, var whenTrue, var whenFalse] =>
            Resolve(Condition(Text(name, "Fn::If")) ? whenTrue : whenFalse),
        _ => throw new TemplateException("Fn::If takes [condition, value if true, value if false]."),
    };

    private JsonNode Join(JsonNode? argument) => argument switch
    {
        JsonArray and [var separator, var list] => JsonValue.Create(string.Join(
            Text(separator, "Fn::Join"),
            (Resolve(list) as JsonArray ?? []).Select(item => Text(item, "Fn::Join")))),
        _ => throw new TemplateException("Fn::Join takes [separator, list]."),
    };

    private JsonNode? Select(JsonNode? argument) => argument switch
    {
        JsonArray and [var index, var list] when Resolve(list) is JsonArray items =>
            items[int.Parse(Text(Resolve(index), "Fn::Select"), CultureInfo.InvariantCulture)]?.DeepClone(),
        _ => throw new TemplateException("Fn::Select takes [index, list]."),
    };

    private bool Truth(JsonNode? node)
    {
        if (node is JsonObject obj && obj.Count == 1)
        {
            var (name, argument) = obj.First();
            var items = argument as JsonArray;
            switch (name)
            {
                case "Condition":
                    return Condition(Text(argument, name));
                case "Fn::Equals" when items is [var left, var right]:
                    return Text(Resolve(left), name) == Text(Resolve(right), name);
                case "Fn::Not" when items is [var inner]:
                    return !Truth(inner);
                case "Fn::And" when items is not null:
                    return items.All(Truth);
                case "Fn::Or" when items is not null:
                    return items.Any(Truth);
            }
        }
        throw new TemplateException($"Not a condition: {node?.ToJsonString()}");
    }

    private static string Text(JsonNode? node, string where) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value => value.ToJsonString(),
        _ => throw new TemplateException($"{where}: expected a string, got {node?.ToJsonString() ?? "nothing"}."),
    };

    private static Dictionary<string, string> ReadParameters(JsonObject document, StackContext context)
    {
        var declared = document["Parameters"] as JsonObject ?? [];
        foreach (var name in context.Parameters.Keys.Where(name => !declared.ContainsKey(name)))
        {
            throw new TemplateException($"Parameter override {name} is not declared by the template.");
        }
        var values = new Dictionary<string, string>();
        foreach (var (name, definition) in declared)
        {
            var value = context.Parameters.TryGetValue(name, out var given)
                ? given
                : definition?["Default"] is { } fallback ? Text(fallback, name)
                : throw new TemplateException($"Parameter {name} has no default and no value was given.");
            TemplateParameterRules.Check(name, definition as JsonObject ?? [], value);
            values[name] = value;
        }
        return values;
    }

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex SubstitutionPattern();
}

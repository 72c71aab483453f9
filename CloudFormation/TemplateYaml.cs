using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CloudResume.CloudFormation;

/// <summary>
/// Turns CloudFormation YAML into the JSON form of the same template: short-form tags
/// (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>, <c>!If</c>, ...) become their long form
/// (<c>{"Ref": ...}</c>, <c>{"Fn::Sub": ...}</c>), as CloudFormation itself does.
/// </summary>
public static class TemplateYaml
{
    public static JsonObject Parse(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new TemplateException($"The template is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }
        if (stream.Documents.Count != 1 || ToJson(stream.Documents[0].RootNode) is not JsonObject root)
        {
            throw new TemplateException("The template must be one YAML document holding a mapping.");
        }
        return root;
    }

    private static JsonNode? ToJson(YamlNode node)
    {
        var tag = node.Tag.IsEmpty ? null : node.Tag.Value;
        JsonNode? value = node switch
        {
            YamlMappingNode map => ToObject(map),
            YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
            YamlScalarNode scalar => ToScalar(scalar, tag is null),
            _ => throw new TemplateException($"Unsupported YAML node at line {node.Start.Line}."),
        };
        if (tag is null || !tag.StartsWith('!') || tag.StartsWith("!!", StringComparison.Ordinal))
        {
            return value;
        }
        var name = tag[1..];
        return name switch
        {
            "Ref" => new JsonObject { ["Ref"] = value },
            "Condition" => new JsonObject { ["Condition"] = value },
            // !GetAtt Resource.Attribute is the scalar form of ["Resource", "Attribute"].
            "GetAtt" when value is JsonValue dotted => new JsonObject
            {
                ["Fn::GetAtt"] = new JsonArray([.. dotted.ToString().Split('.', 2).Select(p => (JsonNode)p)]),
            },
            _ => new JsonObject { ["Fn::" + name] = value },
        };
    }

    private static JsonObject ToObject(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, child) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new TemplateException($"Mapping keys must be plain strings (line {key.Start.Line}).");
            }
            result[name] = ToJson(child);
        }
        return result;
    }

    // Plain scalars carry YAML's own types (numbers, booleans); quoted ones stay strings.
    private static JsonNode? ToScalar(YamlScalarNode scalar, bool untagged)
    {
        var text = scalar.Value ?? "";
        if (!untagged || scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }
        if (text is "" or "~" or "null")
        {
            return text == "" ? JsonValue.Create("") : null;
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        return JsonValue.Create(text);
    }
}

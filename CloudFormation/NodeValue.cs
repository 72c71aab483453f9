namespace CloudResume.CloudFormation;

/// <summary>
/// Reads template values as CloudFormation does: a number or boolean may be written
/// as YAML's own type or as a string ("5", "true").
/// </summary>
public static class NodeValue
{
    public static string? String(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    public static double? Number(JsonNode? node) =>
        String(node) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static int? Int(JsonNode? node) => Number(node) is { } number ? (int)number : null;

    public static bool? Bool(JsonNode? node) => String(node) is { } text && bool.TryParse(text, out var flag) ? flag : null;
}

namespace CloudResume.Tests.Infra;

/// <summary>An IAM policy's Action or Resource, which may be one string or a list: always a list.</summary>
internal static class PolicyValues
{
    public static string[] Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.Select(n => n!.ToString())],
        null => [],
        _ => [node.ToString()],
    };
}

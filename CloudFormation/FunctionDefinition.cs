namespace CloudResume.CloudFormation;

/// <summary>An <c>AWS::Lambda::Function</c>: runtime, limits and environment as Lambda would apply them.</summary>
public sealed record FunctionDefinition(
    string LogicalId,
    string FunctionName,
    string Runtime,
    string Handler,
    string Architecture,
    int MemorySizeMb,
    TimeSpan Timeout,
    int? ReservedConcurrency,
    IReadOnlyDictionary<string, string> Environment)
{
    // Lambda's defaults when the template leaves them out.
    private const int DefaultMemoryMb = 128;
    private const int DefaultTimeoutSeconds = 3;

    public static FunctionDefinition From(CloudFormationTemplate template, TemplateResource function)
    {
        var p = function.Properties;
        var variables = p["Environment"]?["Variables"] as JsonObject ?? [];
        return new FunctionDefinition(
            function.LogicalId,
            template.PhysicalId(function.LogicalId),
            (string?)p["Runtime"] ?? "",
            (string?)p["Handler"] ?? "",
            (string?)(p["Architectures"] as JsonArray)?.FirstOrDefault() ?? "x86_64",
            NodeValue.Int(p["MemorySize"]) ?? DefaultMemoryMb,
            TimeSpan.FromSeconds(NodeValue.Int(p["Timeout"]) ?? DefaultTimeoutSeconds),
            NodeValue.Int(p["ReservedConcurrentExecutions"]),
            variables.ToDictionary(v => v.Key, v => v.Value?.ToString() ?? ""));
    }
}

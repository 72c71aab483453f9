namespace CloudResume.Deploy;

/// <summary>
/// The stack as <c>describe-stacks</c> shows it: status, Outputs (SiteUrl, ApiUrl, BucketName, DistributionId,
/// TableName, FunctionName) and the parameters it was last deployed with.
/// </summary>
public sealed record StackOutputs(string Status, IReadOnlyDictionary<string, string> Values)
{
    public const string SiteUrl = "SiteUrl";
    public const string ApiUrl = "ApiUrl";
    public const string BucketName = "BucketName";
    public const string DistributionId = "DistributionId";
    public const string TableName = "TableName";
    public const string FunctionName = "FunctionName";

    public static readonly IReadOnlyList<string> All = [SiteUrl, ApiUrl, BucketName, DistributionId, TableName, FunctionName];

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public string? this[string name] => Values.TryGetValue(name, out var value) && value != "" ? value : null;

    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) && value != "" ? value : null;

    /// <summary>
    /// Logs one line per output: after every deploy (changed or not), by <c>preview</c> and by <c>outputs</c>. A
    /// stand-in given for an endpoint without outputs (moto) is shown as such.
    /// </summary>
    public void Print(string stackName, IReadOnlyDictionary<string, string?> standIns, Action<string> log)
    {
        log($"outputs of stack {stackName} ({Status}):");
        foreach (var name in All)
        {
            log(standIns.GetValueOrDefault(name) is { } standIn
                ? $"  {name,-15} {standIn} (stand-in; the endpoint returned {this[name] ?? "none"})"
                : $"  {name,-15} {this[name] ?? "(not returned by the endpoint)"}");
        }
    }
}

namespace CloudResume.Deploy;

/// <summary>The stack's Outputs (SiteUrl, ApiUrl, BucketName, DistributionId, TableName, FunctionName).</summary>
public sealed record StackOutputs(string Status, IReadOnlyDictionary<string, string> Values)
{
    public const string SiteUrl = "SiteUrl";
    public const string ApiUrl = "ApiUrl";
    public const string BucketName = "BucketName";
    public const string DistributionId = "DistributionId";
    public const string TableName = "TableName";
    public const string FunctionName = "FunctionName";

    public static readonly IReadOnlyList<string> All = [SiteUrl, ApiUrl, BucketName, DistributionId, TableName, FunctionName];

    public string? this[string name] => Values.TryGetValue(name, out var value) && value != "" ? value : null;
}

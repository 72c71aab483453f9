namespace CloudResume.CloudFormation;

/// <summary>
/// What CloudFormation knows only at deploy time: pseudo parameters, parameter values and the
/// physical names of resources. Locally these are chosen by the AppHost or the emulator.
/// </summary>
public sealed record StackContext
{
    public string StackName { get; init; } = "cloudresume";
    public string Region { get; init; } = "us-east-1";
    public string AccountId { get; init; } = "000000000000";
    public string Partition { get; init; } = "aws";
    public string UrlSuffix { get; init; } = "amazonaws.com";

    /// <summary>Parameter overrides (as <c>--parameter-overrides</c>); the rest take their defaults.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Physical ids for <c>!Ref</c> of a resource; unnamed resources default to their logical id.</summary>
    public IReadOnlyDictionary<string, string> PhysicalIds { get; init; } = new Dictionary<string, string>();
}

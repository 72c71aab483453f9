namespace CloudResume.Deploy;

/// <summary>
/// Where the aws CLI's calls really go: the region and endpoint it resolves the way the CLI itself does
/// (option, then environment, then the profile's configuration), each with where it came from, so the plan
/// and the log name the real target.
/// </summary>
public sealed record AwsTarget(string? Region, string RegionSource, string? Endpoint, string EndpointSource)
{
    public override string ToString() =>
        (Endpoint is null ? $"AWS {Region ?? "<no region>"}" : $"{Endpoint} (not AWS: {EndpointSource}), region {Region ?? "<none>"}") +
        $" (region from {RegionSource})";

    /// <summary>Resolves the target; only reads the CLI's configuration (<c>aws configure get</c>), never calls AWS.</summary>
    public static async Task<AwsTarget> ResolveAsync(DeployOptions options, CancellationToken cancellationToken)
    {
        var aws = new AwsCli(options with { Region = null, EndpointUrl = null });
        var profile = options.Profile ?? options.EnvironmentValue("AWS_PROFILE");
        var profileName = profile is null ? "the default profile" : $"profile {profile}";

        var (region, regionSource) = options.Region is { Length: > 0 } given
            ? (given, "--region")
            : FromEnvironment(options, "AWS_REGION", "AWS_DEFAULT_REGION")
              ?? (await ConfiguredAsync(aws, "region", cancellationToken) is { } configured ? (configured, profileName) : (null, "nowhere: no --region, AWS_REGION or profile region"));

        var ignoreConfigured = string.Equals(options.EnvironmentValue("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);
        var (endpoint, endpointSource) = options.EndpointUrl is { Length: > 0 } url
            ? (url, "--endpoint-url")
            : ignoreConfigured
                ? (null, "AWS")
                : FromEnvironment(options, "AWS_ENDPOINT_URL")
                  ?? (await ConfiguredAsync(aws, "endpoint_url", cancellationToken) is { } configuredUrl ? (configuredUrl, $"endpoint_url of {profileName}") : (null, "AWS"));
        return new AwsTarget(region, regionSource, endpoint, endpointSource);
    }

    /// <summary>For a dry run, which must work without the CLI: what can be known without it.</summary>
    public static async Task<AwsTarget> ResolveForPlanAsync(DeployOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await ResolveAsync(options, cancellationToken);
        }
        catch (DeployException)
        {
            // No aws CLI: its configuration cannot be read, the environment and options still can.
            var region = options.Region ?? FromEnvironment(options, "AWS_REGION", "AWS_DEFAULT_REGION")?.Item1;
            var endpoint = options.EndpointUrl ?? FromEnvironment(options, "AWS_ENDPOINT_URL")?.Item1;
            return new AwsTarget(region, "the options and environment (no aws CLI to read the profile)", endpoint, "--endpoint-url or AWS_ENDPOINT_URL");
        }
    }

    private static (string?, string)? FromEnvironment(DeployOptions options, params string[] names) =>
        names.Select(name => (Value: options.EnvironmentValue(name), Name: name)).FirstOrDefault(v => !string.IsNullOrEmpty(v.Value)) is { Value: { } value } found
            ? (value, found.Name)
            : null;

    private static async Task<string?> ConfiguredAsync(AwsCli aws, string key, CancellationToken cancellationToken)
    {
        var result = await aws.RunAsync(["configure", "get", key], cancellationToken);
        return result.Succeeded && result.Stdout.Trim() is { Length: > 0 } value ? value : null;
    }
}

namespace CloudResume.Deploy;

/// <summary>Fails fast, with a clear message, when the aws CLI or credentials are missing.</summary>
public static class AwsPreflight
{
    /// <returns>The account the deploy will act in.</returns>
    public static async Task<string> CheckAsync(AwsCli aws, CancellationToken cancellationToken)
    {
        // A missing CLI already fails here (AwsCli says so); no separate `aws --version` round trip.
        var identity = await aws.RunAsync(["sts", "get-caller-identity"], cancellationToken);
        if (!identity.Succeeded)
        {
            throw new DeployException(
                "No usable AWS credentials (`aws sts get-caller-identity` failed). Run `aws configure` or " +
                $"`aws sso login`, or set AWS_PROFILE / AWS_ACCESS_KEY_ID. The CLI said: {identity.Stderr}");
        }
        return System.Text.Json.Nodes.JsonNode.Parse(identity.Stdout)?["Account"]?.ToString() ?? "?";
    }
}

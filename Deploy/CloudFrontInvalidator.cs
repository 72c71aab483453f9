namespace CloudResume.Deploy;

/// <summary>Asks CloudFront to drop its copies of the paths a site upload changed.</summary>
public sealed class CloudFrontInvalidator(AwsCli aws, Action<string> log)
{
    public async Task InvalidateAsync(string distributionId, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (paths.Count == 0)
        {
            log("  nothing changed, nothing to invalidate");
            return;
        }
        var result = await aws.JsonAsync(
            ["cloudfront", "create-invalidation", "--distribution-id", distributionId, "--paths", .. paths], cancellationToken);
        log($"  invalidation {result?["Invalidation"]?["Id"]} for {string.Join(' ', paths)}");
    }
}

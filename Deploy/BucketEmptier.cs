namespace CloudResume.Deploy;

/// <summary>
/// Deletes every object version and delete marker of a bucket (or of one prefix): CloudFormation can only
/// delete an empty bucket, and a versioned bucket is not empty until its old versions are gone too.
/// </summary>
public sealed class BucketEmptier(AwsCli aws, Action<string> log)
{
    // delete-objects takes up to 1,000 keys; fewer keep each command line well under Linux's 128 KB per argument.
    private const int Batch = 200;

    /// <returns>How many versions and delete markers were deleted.</returns>
    public async Task<int> EmptyAsync(string bucket, string? prefix, CancellationToken cancellationToken)
    {
        List<string> list = ["s3api", "list-object-versions", "--bucket", bucket];
        if (prefix is not null)
        {
            list.AddRange(["--prefix", prefix]);
        }
        var listing = await aws.JsonAsync(list, cancellationToken);
        var versions = new[] { "Versions", "DeleteMarkers" }
            .SelectMany(kind => (listing?[kind] as JsonArray ?? []).OfType<JsonObject>())
            .Select(v => new JsonObject { ["Key"] = v["Key"]!.ToString(), ["VersionId"] = v["VersionId"]?.ToString() ?? "null" })
            .ToList();
        foreach (var chunk in versions.Chunk(Batch))
        {
            var delete = new JsonObject { ["Objects"] = new JsonArray([.. chunk]), ["Quiet"] = true };
            await aws.JsonAsync(["s3api", "delete-objects", "--bucket", bucket, "--delete", delete.ToJsonString()], cancellationToken);
        }
        log($"  s3://{bucket}/{prefix}: deleted {versions.Count} object versions and delete markers");
        return versions.Count;
    }

    /// <summary>Whether anything at all (any version) is left in the bucket.</summary>
    public async Task<bool> IsEmptyAsync(string bucket, CancellationToken cancellationToken)
    {
        var listing = await aws.JsonAsync(["s3api", "list-object-versions", "--bucket", bucket, "--max-items", "1"], cancellationToken);
        return new[] { "Versions", "DeleteMarkers" }.All(kind => (listing?[kind] as JsonArray ?? []).Count == 0);
    }
}

using System.Security.Cryptography;

namespace CloudResume.Deploy;

/// <summary>
/// Puts the function package in the artifact bucket under <c>counter-lambda/STACK/SHA-256.zip</c>, so a new
/// build is a new ArtifactKey (CloudFormation then updates the code) and an unchanged one is a no-op. After a
/// deploy only the stack's current package and the one before it (a rollback's) are kept.
/// </summary>
public sealed class ArtifactUploader(AwsCli aws, DeployOptions options, Action<string> log)
{
    public const string KeyPrefix = "counter-lambda/";

    /// <summary>Each stack's packages under a prefix of their own, so pruning one stack never touches another's.</summary>
    public static string PrefixFor(string stackName) => $"{KeyPrefix}{stackName}/";

    public static string KeyFor(string packagePath, string stackName)
    {
        using var stream = File.OpenRead(packagePath);
        return $"{PrefixFor(stackName)}{Convert.ToHexStringLower(SHA256.HashData(stream))}.zip";
    }

    /// <returns>The object key the stack's ArtifactKey parameter must name, and whether it was uploaded now.</returns>
    public async Task<(string Key, bool Uploaded)> UploadAsync(string packagePath, CancellationToken cancellationToken)
    {
        var bucket = options.ArtifactBucket!;
        await EnsureBucketAsync(bucket, cancellationToken);
        var key = KeyFor(packagePath, options.StackName);
        var existing = await aws.RunAsync(["s3api", "head-object", "--bucket", bucket, "--key", key], cancellationToken);
        if (existing.Succeeded)
        {
            log($"  s3://{bucket}/{key} is already there (same content): nothing uploaded.");
            return (key, false);
        }
        await aws.JsonAsync(["s3api", "put-object", "--bucket", bucket, "--key", key, "--body", packagePath, "--content-type", "application/zip"], cancellationToken);
        log($"  uploaded s3://{bucket}/{key}");
        return (key, true);
    }

    /// <summary>Deletes the stack's older packages, keeping <paramref name="keep"/> (the deployed one and the one it replaced).</summary>
    public async Task PruneAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        var bucket = options.ArtifactBucket!;
        var listing = await aws.JsonAsync(["s3api", "list-objects-v2", "--bucket", bucket, "--prefix", PrefixFor(options.StackName)], cancellationToken);
        var stale = (listing?["Contents"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(o => o["Key"]!.ToString())
            .Where(key => !keep.Contains(key))
            .ToList();
        foreach (var key in stale)
        {
            await aws.JsonAsync(["s3api", "delete-object", "--bucket", bucket, "--key", key], cancellationToken);
            log($"  deleted the superseded package s3://{bucket}/{key}");
        }
    }

    private async Task EnsureBucketAsync(string bucket, CancellationToken cancellationToken)
    {
        if ((await aws.RunAsync(["s3api", "head-bucket", "--bucket", bucket], cancellationToken)).Succeeded)
        {
            return;
        }
        if (!options.CreateArtifactBucket)
        {
            throw new DeployException(
                $"The artifact bucket '{bucket}' does not exist or is not yours. Create it, or pass --create-artifact-bucket.");
        }
        // us-east-1 is the one region that refuses an explicit LocationConstraint.
        List<string> create = ["s3api", "create-bucket", "--bucket", bucket];
        if (options.Region != "us-east-1")
        {
            create.AddRange(["--create-bucket-configuration", $"LocationConstraint={options.Region}"]);
        }
        await aws.JsonAsync(create, cancellationToken);
        await aws.JsonAsync(["s3api", "put-public-access-block", "--bucket", bucket, "--public-access-block-configuration",
            "BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"], cancellationToken);
        // The deploy prunes superseded packages itself; the bucket drops what an interrupted upload or a
        // versioning switched on later would leave behind.
        await aws.JsonAsync(["s3api", "put-bucket-lifecycle-configuration", "--bucket", bucket, "--lifecycle-configuration",
            """{"Rules":[{"ID":"leftovers","Status":"Enabled","Filter":{"Prefix":""},"AbortIncompleteMultipartUpload":{"DaysAfterInitiation":1},"NoncurrentVersionExpiration":{"NoncurrentDays":1}}]}"""],
            cancellationToken);
        log($"  created the artifact bucket s3://{bucket} (private; incomplete uploads and old versions expire after a day)");
    }
}

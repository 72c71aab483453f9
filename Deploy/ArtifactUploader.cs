using System.Security.Cryptography;

namespace CloudResume.Deploy;

/// <summary>
/// Puts the function package in the artifact bucket under a key named after its SHA-256, so a new
/// build is a new ArtifactKey (CloudFormation then updates the code) and an unchanged one is a no-op.
/// </summary>
public sealed class ArtifactUploader(AwsCli aws, DeployOptions options, Action<string> log)
{
    public const string KeyPrefix = "counter-lambda/";

    public static string KeyFor(string packagePath)
    {
        using var stream = File.OpenRead(packagePath);
        return $"{KeyPrefix}{Convert.ToHexStringLower(SHA256.HashData(stream))}.zip";
    }

    /// <returns>The object key the stack's ArtifactKey parameter must name.</returns>
    public async Task<string> UploadAsync(string packagePath, CancellationToken cancellationToken)
    {
        var bucket = options.ArtifactBucket!;
        await EnsureBucketAsync(bucket, cancellationToken);
        var key = KeyFor(packagePath);
        var existing = await aws.RunAsync(["s3api", "head-object", "--bucket", bucket, "--key", key], cancellationToken);
        if (existing.Succeeded)
        {
            log($"  s3://{bucket}/{key} is already there (same content).");
            return key;
        }
        await aws.JsonAsync(["s3api", "put-object", "--bucket", bucket, "--key", key, "--body", packagePath, "--content-type", "application/zip"], cancellationToken);
        log($"  uploaded s3://{bucket}/{key}");
        return key;
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
        log($"  created the artifact bucket s3://{bucket} (private)");
    }
}

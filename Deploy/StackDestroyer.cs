namespace CloudResume.Deploy;

/// <summary>What a destroy removed, and the table it kept.</summary>
public sealed record DestroyResult(bool StackDeleted, string? KeptTable);

/// <summary>
/// <c>destroy</c> (and <c>aspire destroy</c>): empties the site bucket (every version), deletes the stack and the
/// stack's function packages (the artifact bucket too once nothing else is in it). The table of counts is
/// retained (DeletionPolicy Retain) unless <see cref="DeployOptions.DeleteData"/> asks for it to go too.
/// </summary>
public static class StackDestroyer
{
    /// <param name="confirmed">Destroy only runs when the caller has confirmed (<c>--yes</c>, or aspire destroy's own prompt).</param>
    public static async Task<DestroyResult> RunAsync(DeployOptions options, bool confirmed, Action<string> log, CancellationToken cancellationToken = default)
    {
        var session = await DeploySession.StartAsync(options, log, cancellationToken);
        (options, var aws) = (session.Options, session.Aws);
        var stack = new StackDeployer(aws, options, log);
        var existing = await stack.DescribeAsync(cancellationToken);
        if (existing is null)
        {
            log($"there is no stack {options.StackName} in {session.Target}: nothing to destroy.");
            return new DestroyResult(false, null);
        }
        var siteBucket = await stack.PhysicalIdAsync("SiteBucket", cancellationToken);
        var table = existing[StackOutputs.TableName] ?? await stack.PhysicalIdAsync("VisitsTable", cancellationToken);
        var artifactBucket = existing.Parameter("ArtifactBucket") ?? options.ArtifactBucket;
        log($"destroy: stack {options.StackName} ({existing.Status})" +
            (siteBucket is null ? "" : $", every version in s3://{siteBucket}") +
            (artifactBucket is null ? "" : $", s3://{artifactBucket}/{ArtifactUploader.PrefixFor(options.StackName)}") +
            (table is null ? "" : options.DeleteData ? $", and the table {table} with every count" : $"; keeps the table {table}"));
        if (!confirmed)
        {
            throw new DeployException("Nothing was deleted: destroy deletes the above for good. Run it again with --yes.");
        }

        var emptier = new BucketEmptier(aws, log);
        if (siteBucket is not null && (await aws.RunAsync(["s3api", "head-bucket", "--bucket", siteBucket], cancellationToken)).Succeeded)
        {
            await emptier.EmptyAsync(siteBucket, null, cancellationToken);
        }
        log($"deleting stack {options.StackName}...");
        await stack.DeleteAsync(cancellationToken);
        log($"  stack {options.StackName} deleted");

        if (artifactBucket is not null && (await aws.RunAsync(["s3api", "head-bucket", "--bucket", artifactBucket], cancellationToken)).Succeeded)
        {
            await emptier.EmptyAsync(artifactBucket, ArtifactUploader.PrefixFor(options.StackName), cancellationToken);
            if (await emptier.IsEmptyAsync(artifactBucket, cancellationToken))
            {
                await aws.JsonAsync(["s3api", "delete-bucket", "--bucket", artifactBucket], cancellationToken);
                log($"  deleted the artifact bucket s3://{artifactBucket} (nothing else was in it)");
            }
        }
        if (table is not null && options.DeleteData)
        {
            await aws.JsonAsync(["dynamodb", "delete-table", "--table-name", table], cancellationToken);
            log($"  deleted the table {table} (--delete-data)");
            return new DestroyResult(true, null);
        }
        if (table is not null)
        {
            log($"kept the table {table} and its counts (retained on purpose); `destroy --delete-data --yes` deletes it.");
        }
        return new DestroyResult(true, table);
    }
}

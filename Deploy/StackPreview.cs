namespace CloudResume.Deploy;

/// <summary>What a preview found: the stack's changes, and whether the package would be uploaded.</summary>
public sealed record PreviewResult(IReadOnlyList<ResourceChange> Changes, string ArtifactKey, bool PackageWouldUpload);

/// <summary>
/// <c>preview</c>: what a deploy would change, touching nothing — the package is built and checked but not
/// uploaded, the stack's change set is created, described and deleted, never executed (like
/// <c>sam deploy --no-execute-changeset</c>).
/// </summary>
public static class StackPreview
{
    public static async Task<PreviewResult> RunAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var session = await DeploySession.StartAsync(options, log, cancellationToken);
        (options, var aws) = (session.Options, session.Aws);

        var package = await FunctionPublisher.PublishCheckedAsync(options, log, cancellationToken);
        var key = ArtifactUploader.KeyFor(package, options.StackName);
        var stored = (await aws.RunAsync(["s3api", "head-object", "--bucket", options.ArtifactBucket!, "--key", key], cancellationToken)).Succeeded;
        log(stored ? $"  s3://{options.ArtifactBucket}/{key} is already there: nothing to upload" : $"  would upload s3://{options.ArtifactBucket}/{key}");

        var existing = await new StackDeployer(aws, options, log).DescribeAsync(cancellationToken);
        var siteOrigin = existing is null ? "" : options.SiteUrlOverride ?? existing[StackOutputs.SiteUrl] ?? "";
        log($"previewing stack {options.StackName}" + (existing is null ? " (new)..." : $" ({existing.Status})..."));
        var changes = await new ChangeSet(aws, options, log).PreviewAsync(StackParameters.For(options, key, siteOrigin), existing, cancellationToken);
        log(changes.Count == 0 ? "no changes to the stack." : $"{changes.Count} resource changes:");
        foreach (var change in changes)
        {
            log(change.ToString());
        }
        existing?.Print(options.StackName, options.StandIns, log);
        return new PreviewResult(changes, key, !stored);
    }
}

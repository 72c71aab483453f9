namespace CloudResume.Deploy;

/// <summary>What a deploy produced, for the console and the Aspire pipeline summary.</summary>
public sealed record DeployResult(string? SiteUrl, string? ApiUrl, string? ArtifactKey, bool PackageUploaded, IReadOnlyList<string> ChangedPaths);

/// <summary>
/// The whole deploy in order: check the CLI and credentials, publish, check and upload the function package,
/// deploy the stack (twice on first creation, see <see cref="StackParameters"/>), write config.json and sync the
/// site, invalidate the changed paths, print the outputs.
/// </summary>
public static class AwsDeployment
{
    public static async Task<DeployResult> RunAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (options.DryRun)
        {
            log(DeployPlan.Create(options, await AwsTarget.ResolveForPlanAsync(options, cancellationToken)).ToString());
            log("dry run: nothing was touched.");
            return new DeployResult(null, null, null, false, []);
        }

        var session = await DeploySession.StartAsync(options, log, cancellationToken);
        (options, var aws) = (session.Options, session.Aws);
        log(DeployPlan.Create(options, session.Target).ToString());

        var package = await FunctionPublisher.PublishCheckedAsync(options, log, cancellationToken);
        var artifacts = new ArtifactUploader(aws, options, log);
        var (artifactKey, uploaded) = await artifacts.UploadAsync(package, cancellationToken);

        var stack = new StackDeployer(aws, options, log);
        var before = await stack.DescribeAsync(cancellationToken);
        // A new stack has no SiteUrl yet; an existing one passes its own back (the override stands in for it).
        var siteOrigin = before is null ? "" : options.SiteUrlOverride ?? before[StackOutputs.SiteUrl] ?? "";
        log($"deploying stack {options.StackName}" + (before is null ? " (new)..." : "..."));
        await stack.DeployAsync(StackParameters.For(options, artifactKey, siteOrigin), cancellationToken);
        var outputs = await stack.DescribeAsync(cancellationToken)
            ?? throw new DeployException($"Stack {options.StackName} is missing right after its deploy.");

        var siteUrl = options.SiteUrlOverride ?? outputs[StackOutputs.SiteUrl]
            ?? throw MissingOutput(StackOutputs.SiteUrl, "--site-url");
        if (!options.HasCustomDomain && siteOrigin != siteUrl)
        {
            // First creation: the distribution's address exists only now; let the API's CORS allow it.
            log($"second pass: SiteOrigin={siteUrl} for the API's CORS...");
            await stack.DeployAsync(StackParameters.For(options, artifactKey, siteUrl), cancellationToken);
        }
        // The deployed package and the one it replaced (a rollback's) stay; older ones go.
        await artifacts.PruneAsync([artifactKey, .. before?.Parameter("ArtifactKey") is { } previous ? [previous] : Array.Empty<string>()], cancellationToken);

        var apiUrl = options.ApiUrlOverride ?? outputs[StackOutputs.ApiUrl] ?? throw MissingOutput(StackOutputs.ApiUrl, "--api-url");
        var bucket = outputs[StackOutputs.BucketName]
            ?? await stack.PhysicalIdAsync("SiteBucket", cancellationToken)
            ?? throw MissingOutput(StackOutputs.BucketName, null);
        log($"uploading the site to s3://{bucket} (config.json: apiUrl {apiUrl})...");
        // Its own folder: two deploys in one process (the tests' parallel stacks) must not share config.json.
        var scratch = Directory.CreateTempSubdirectory("cloudresume-deploy-").FullName;
        SitePlan plan;
        try
        {
            plan = await new SiteUploader(aws, log).UploadAsync(bucket, SiteUploader.LocalFiles(options.SiteDirectory, options.ResumePath, apiUrl, scratch), cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        if (options.SkipInvalidation)
        {
            log("invalidation skipped (--skip-invalidation).");
        }
        else
        {
            var distribution = outputs[StackOutputs.DistributionId]
                ?? await stack.PhysicalIdAsync("SiteDistribution", cancellationToken)
                ?? throw MissingOutput(StackOutputs.DistributionId, "--skip-invalidation");
            log($"invalidating CloudFront {distribution}...");
            await new CloudFrontInvalidator(aws, log).InvalidateAsync(distribution, plan.InvalidationPaths, cancellationToken);
        }

        log($"deployed: site {siteUrl}, API {apiUrl}");
        // Read again: the second pass or an unchanged stack still shows the outputs as they stand now.
        (await stack.DescribeAsync(cancellationToken) ?? outputs).Print(options.StackName, options.StandIns, log);
        return new DeployResult(siteUrl, apiUrl, artifactKey, uploaded, plan.InvalidationPaths);
    }

    private static DeployException MissingOutput(string output, string? option) => new(
        $"The stack has no {output} output." +
        (option is null ? "" : $" (Endpoints that return no outputs, such as moto, need {option}.)"));
}

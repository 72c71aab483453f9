namespace CloudResume.Deploy;

/// <summary>What a deploy produced, for the console and the Aspire pipeline summary.</summary>
public sealed record DeployResult(string? SiteUrl, string? ApiUrl, string? ArtifactKey, IReadOnlyList<string> ChangedPaths);

/// <summary>
/// The whole deploy in order: check the CLI and credentials, publish and upload the function package,
/// deploy the stack (twice on first creation, see <see cref="StackParameters"/>), write config.json
/// and sync the site, invalidate the changed paths.
/// </summary>
public static class AwsDeployment
{
    public static async Task<DeployResult> RunAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        options.Validate();
        log(DeployPlan.Create(options).ToString());
        if (options.DryRun)
        {
            log("dry run: nothing was touched.");
            return new DeployResult(null, null, null, []);
        }

        var aws = new AwsCli(options);
        log($"checking the aws CLI and credentials...");
        var account = await AwsPreflight.CheckAsync(aws, cancellationToken);
        log($"  account {account}, region {options.Region}");

        log("packaging the function...");
        var package = await FunctionPublisher.PublishAsync(options, log, cancellationToken);
        var artifactKey = await new ArtifactUploader(aws, options, log).UploadAsync(package, cancellationToken);

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

        var apiUrl = options.ApiUrlOverride ?? outputs[StackOutputs.ApiUrl] ?? throw MissingOutput(StackOutputs.ApiUrl, "--api-url");
        var bucket = outputs[StackOutputs.BucketName]
            ?? await stack.PhysicalIdAsync("SiteBucket", cancellationToken)
            ?? throw MissingOutput(StackOutputs.BucketName, null);
        log($"uploading the site to s3://{bucket} (config.json: apiUrl {apiUrl})...");
        var scratch = Path.Combine(Path.GetTempPath(), $"cloudresume-deploy-{Environment.ProcessId}");
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
        return new DeployResult(siteUrl, apiUrl, artifactKey, plan.InvalidationPaths);
    }

    private static DeployException MissingOutput(string output, string? option) => new(
        $"The stack has no {output} output." +
        (option is null ? "" : $" (Endpoints that return no outputs, such as moto, need {option}.)"));
}

namespace CloudResume.Deploy;

/// <summary>
/// The steps a deploy takes, described from local files only: <c>--dry-run</c> prints this and
/// stops, and a real deploy prints it first.
/// </summary>
public sealed record DeployPlan(IReadOnlyList<string> Steps)
{
    public static DeployPlan Create(DeployOptions options, AwsTarget target)
    {
        var package = options.ResolvedFunctionPackage;
        var key = File.Exists(package) && options.SkipPublish
            ? ArtifactUploader.KeyFor(package, options.StackName)
            : $"{ArtifactUploader.PrefixFor(options.StackName)}<sha256 of the package>.zip";
        var site = Directory.Exists(options.SiteDirectory)
            ? SiteUploader.LocalFiles(options.SiteDirectory, options.ResumePath, "<ApiUrl output>", Path.Combine(Path.GetTempPath(), "cloudresume-plan"))
            : [];
        var siteOrigin = options.HasCustomDomain
            ? $"CORS origin https://{options.SiteDomainName} (custom domain, certificate {options.CertificateArn})"
            : "SiteOrigin = the stack's SiteUrl output (on first creation: a second deploy pass once the distribution exists)";
        List<string> steps =
        [
            $"target: stack {options.StackName} in {target}" + (options.Profile is null ? "" : $", profile {options.Profile}"),
            "check: `aws sts get-caller-identity` (the CLI runs and has credentials)",
            options.SkipPublish
                ? $"package: use {package}"
                : $"package: dotnet {string.Join(' ', FunctionPublisher.Arguments(options))} → {package}",
            $"check: bootstrap at the zip's root, mode 755, ELF for {options.Architecture}, glibc ≤ {FunctionPackageCheck.GlibcFloor} (refused otherwise, before any upload)",
            $"artifact: s3://{options.ArtifactBucket ?? "<artifact-bucket>"}/{key}" +
                (options.CreateArtifactBucket ? " (bucket created if missing)" : " (bucket must exist)"),
            $"stack: aws {string.Join(' ', StackDeployer.DeployArguments(options, StackParameters.For(options, key, "<SiteUrl>")))}",
            $"cors: {siteOrigin}",
            $"prune: the stack's packages other than this one and the one it replaces (s3://{options.ArtifactBucket ?? "<artifact-bucket>"}/{ArtifactUploader.PrefixFor(options.StackName)})",
            "outputs: aws cloudformation describe-stacks → " + string.Join(", ", StackOutputs.All) + " (printed at the end of every deploy)",
            $"site: {site.Count} files to the BucketName output's bucket, only those whose MD5 differs from the object's ETag:",
            .. site.Select(f => $"  {f.Key}: {f.ContentType}; {f.CacheControl}"),
            options.SkipInvalidation
                ? "invalidate: skipped (--skip-invalidation)"
                : $"invalidate: CloudFront (DistributionId output) for the changed paths only (\"/*\" past {InvalidationPlanner.MaxPaths})",
        ];
        return new DeployPlan(steps);
    }

    public override string ToString() => string.Join('\n', Steps);
}

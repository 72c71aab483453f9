namespace CloudResume.Tests.Infra;

/// <summary>A dry run touches nothing; a missing CLI or missing credentials stop the deploy with a clear message.</summary>
public sealed class DeployPreflightTests
{
    private static DeployOptions Options(params string[] args) =>
        DeployCommandLine.Parse(["--repository-root", RepositoryLayout.Current.Root, "--artifact-bucket", "art", .. args]);

    [Fact]
    public async Task Dry_run_prints_the_plan_without_running_the_aws_cli()
    {
        var lines = new List<string>();

        // An aws CLI that does not exist proves nothing was called.
        var result = await AwsDeployment.RunAsync(Options("--dry-run", "--aws-cli", "/nonexistent/aws"), lines.Add);

        var plan = string.Join('\n', lines);
        Assert.Null(result.SiteUrl);
        Assert.Contains("cloudformation deploy --stack-name cloudresume", plan);
        Assert.Contains("CAPABILITY_IAM", plan);
        Assert.Contains("index.html: text/html; charset=utf-8; no-cache", plan);
        Assert.Contains("dry run: nothing was touched.", plan);
    }

    [Theory]
    [InlineData("--dry-run")]
    [InlineData("--skip-publish")]
    public async Task An_invalid_resume_stops_the_deploy_before_anything_is_touched(string mode)
    {
        var resume = Path.Combine(Path.GetTempPath(), $"resume-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(resume, """{"basics": {"label": "Engineer", "url": "my site"}}""");
        var lines = new List<string>();
        try
        {
            // An aws CLI that does not exist: reaching it would fail with another message.
            var error = await Assert.ThrowsAsync<DeployException>(() =>
                AwsDeployment.RunAsync(Options(mode, "--resume", resume, "--aws-cli", "/nonexistent/aws"), lines.Add));

            Assert.StartsWith($"{resume} is not a valid JSON Resume file:", error.Message);
            Assert.Contains("\n  basics.name: is required", error.Message);
            Assert.Contains("\n  basics.url: must be a full URL", error.Message);
            Assert.Contains("the site was not uploaded", error.Message);
            Assert.Empty(lines);
        }
        finally
        {
            File.Delete(resume);
        }
    }

    [Fact]
    public async Task A_missing_aws_cli_is_reported_by_name()
    {
        var error = await Assert.ThrowsAsync<DeployException>(() =>
            AwsDeployment.RunAsync(Options("--aws-cli", "/nonexistent/aws"), _ => { }));

        Assert.Contains("aws CLI", error.Message);
        Assert.Contains("/nonexistent/aws", error.Message);
    }

    [Fact]
    public async Task Missing_credentials_are_reported_before_anything_is_built_or_uploaded()
    {
        // No credentials anywhere, no instance metadata lookup, and an endpoint nobody listens on.
        var options = Options("--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1") with
        {
            AwsEnvironment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null,
                ["AWS_CONFIG_FILE"] = "/nonexistent/config", ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = null, ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = null,
            },
        };
        var lines = new List<string>();

        var error = await Assert.ThrowsAsync<DeployException>(() => AwsDeployment.RunAsync(options, lines.Add));

        Assert.Contains("credentials", error.Message);
        Assert.DoesNotContain(lines, l => l.StartsWith("packaging", StringComparison.Ordinal));
    }
}

using CloudResume.Deploy;
using CloudResume.Local.Repository;

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

namespace CloudResume.Tests.Infra;

/// <summary>
/// The deploy goes where the aws CLI would: the region from --region, AWS_REGION / AWS_DEFAULT_REGION, else the
/// profile's; the endpoint from --endpoint-url, AWS_ENDPOINT_URL, else the profile's endpoint_url. The plan names
/// that real target. The CLI itself reads a config file written here (nothing of this machine's own set-up).
/// </summary>
public sealed class AwsTargetTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"aws-config-{Guid.NewGuid():N}");

    public AwsTargetTests() => File.WriteAllText(_config, """
        [default]
        region = ap-south-1

        [profile paris]
        region = eu-west-3

        [profile local]
        region = eu-central-1
        endpoint_url = http://127.0.0.1:4566
        """);

    private DeployOptions Options(params (string Name, string? Value)[] environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["AWS_CONFIG_FILE"] = _config, ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials",
            ["AWS_PROFILE"] = null, ["AWS_REGION"] = null, ["AWS_DEFAULT_REGION"] = null, ["AWS_ENDPOINT_URL"] = null,
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = null,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return new DeployOptions { RepositoryRoot = RepositoryLayout.Current.Root, AwsEnvironment = variables };
    }

    private static Task<AwsTarget> ResolveAsync(DeployOptions options) => AwsTarget.ResolveAsync(options, default);

    [Fact]
    public async Task Without_region_option_or_variable_the_profiles_region_is_used()
    {
        var paris = await ResolveAsync(Options() with { Profile = "paris" });
        var byVariable = await ResolveAsync(Options(("AWS_PROFILE", "paris")));
        var fallback = await ResolveAsync(Options());

        Assert.Equal(("eu-west-3", "profile paris"), (paris.Region, paris.RegionSource));
        Assert.Equal("eu-west-3", byVariable.Region);
        Assert.Equal(("ap-south-1", "the default profile"), (fallback.Region, fallback.RegionSource));
    }

    [Fact]
    public async Task The_option_wins_over_the_variables_and_the_variables_over_the_profile()
    {
        Assert.Equal("us-west-2", (await ResolveAsync(Options(("AWS_REGION", "ca-central-1")) with { Region = "us-west-2", Profile = "paris" })).Region);
        Assert.Equal(("ca-central-1", "AWS_REGION"), await RegionAsync(Options(("AWS_REGION", "ca-central-1"), ("AWS_DEFAULT_REGION", "sa-east-1")) with { Profile = "paris" }));
        Assert.Equal(("sa-east-1", "AWS_DEFAULT_REGION"), await RegionAsync(Options(("AWS_DEFAULT_REGION", "sa-east-1")) with { Profile = "paris" }));
    }

    [Fact]
    public async Task No_region_anywhere_stops_the_deploy_with_how_to_set_one()
    {
        File.WriteAllText(_config, "[default]\noutput = json\n");

        var error = await Assert.ThrowsAsync<DeployException>(() => DeploySession.StartAsync(Options(), _ => { }, default));

        Assert.Contains("No AWS region", error.Message);
        Assert.Contains("aws configure set region", error.Message);
    }

    [Fact]
    public async Task An_endpoint_from_the_environment_or_the_profile_is_the_target_not_aws()
    {
        var byVariable = await ResolveAsync(Options(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")) with { Region = "us-east-1" });
        var byProfile = await ResolveAsync(Options() with { Profile = "local" });
        var ignored = await ResolveAsync(Options(("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")) with { Profile = "local" });

        Assert.Equal(("http://127.0.0.1:5000", "AWS_ENDPOINT_URL"), (byVariable.Endpoint, byVariable.EndpointSource));
        Assert.Equal("http://127.0.0.1:4566", byProfile.Endpoint);
        Assert.Null(ignored.Endpoint);
        Assert.StartsWith("AWS eu-central-1", ignored.ToString());
    }

    [Fact]
    public async Task The_dry_run_plan_names_the_endpoint_the_calls_really_go_to()
    {
        var lines = new List<string>();
        var options = Options(("AWS_ENDPOINT_URL", "http://127.0.0.1:5000")) with { Profile = "paris", DryRun = true, ArtifactBucket = "art" };

        await AwsDeployment.RunAsync(options, lines.Add);

        var target = Assert.Single(lines.SelectMany(l => l.Split('\n')), l => l.StartsWith("target:", StringComparison.Ordinal));
        Assert.Contains("http://127.0.0.1:5000 (not AWS: AWS_ENDPOINT_URL), region eu-west-3", target);
        Assert.DoesNotContain("AWS us-east-1", target);
    }

    private static async Task<(string?, string)> RegionAsync(DeployOptions options)
    {
        var target = await ResolveAsync(options);
        return (target.Region, target.RegionSource);
    }

    public void Dispose() => File.Delete(_config);
}

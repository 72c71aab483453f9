using Microsoft.Extensions.Configuration;

namespace CloudResume.Tests.Infra;

/// <summary>
/// <c>aspire deploy</c> / <c>aspire destroy</c> read the AppHost's configuration: any number of template parameters
/// arrive as <c>AwsDeployment__Parameters__Name=Value</c> environment variables, and a key the deploy does not know
/// (such as the old singular <c>AwsDeployment__Parameter</c>) stops it instead of being silently ignored.
/// </summary>
public sealed class DeployConfigurationTests
{
    /// <summary>The environment as the AppHost reads it; a prefix unique to the test keeps other tests' variables out.</summary>
    private static DeployOptions BindEnvironment(params (string Name, string Value)[] variables)
    {
        var prefix = $"CLOUDRESUME_TEST_{Guid.NewGuid():N}_";
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(prefix + name, value);
        }
        try
        {
            return DeployConfiguration.Bind(new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build());
        }
        finally
        {
            foreach (var (name, _) in variables)
            {
                Environment.SetEnvironmentVariable(prefix + name, null);
            }
        }
    }

    [Fact]
    public void Every_parameter_under_AwsDeployment__Parameters_reaches_the_stack()
    {
        (string Name, string Value)[] given = [("ThrottlingRateLimit", "10"), ("ThrottlingBurstLimit", "8"), ("BudgetEmail", "owner@example.com")];
        var options = BindEnvironment(
            [("AwsDeployment__ArtifactBucket", "art"), .. given.Select(p => ($"AwsDeployment__Parameters__{p.Name}", p.Value))]);

        var parameters = StackParameters.For(options, "counter-lambda/cloudresume/x.zip", "");

        Assert.All(given, p => Assert.Equal(p.Value, parameters[p.Name]));
        Assert.Equal("art", parameters["ArtifactBucket"]);
    }

    [Theory]
    [InlineData("AwsDeployment__Parameter", "Parameter")] // the old single-parameter setting
    [InlineData("AwsDeployment__ArtifactBuckett", "ArtifactBuckett")]
    public void An_unknown_setting_stops_the_deploy_naming_it_and_the_known_ones(string variable, string name)
    {
        var error = Assert.Throws<DeployException>(() => BindEnvironment((variable, "x")));

        Assert.Contains(name, error.Message);
        Assert.Contains("Known settings:", error.Message);
        Assert.Contains("AwsDeployment__Parameters__<Name>", error.Message);
    }

    [Fact]
    public void Destroy_reads_delete_data_from_the_same_section()
    {
        Assert.True(BindEnvironment(("AwsDeployment__DeleteData", "true")).DeleteData);
        Assert.False(BindEnvironment().DeleteData);
    }
}

using Microsoft.Extensions.Configuration;

namespace CloudResume.Tests.Infra;

/// <summary>The console's options, the AppHost's configuration section, and the stack parameters they become.</summary>
public sealed class DeployOptionsTests
{
    [Fact]
    public void Options_parse_including_repeated_parameters_and_flags_with_explicit_values()
    {
        var options = DeployCommandLine.Parse(
        [
            "--artifact-bucket", "art", "--create-artifact-bucket", "--stack-name", "cv", "--architecture", "arm64",
            "--parameter", "ReservedConcurrency=5", "--parameter", "LogRetentionInDays=14", "--dry-run", "false",
        ]);

        Assert.Equal("art", options.ArtifactBucket);
        Assert.True(options.CreateArtifactBucket);
        Assert.False(options.DryRun);
        Assert.Equal("cv", options.StackName);
        Assert.Equal("linux-arm64", options.RuntimeIdentifier);
        Assert.Equal("5", options.Parameters["ReservedConcurrency"]);
        Assert.Equal("14", options.Parameters["LogRetentionInDays"]);
    }

    [Fact]
    public void The_apphost_binds_the_same_options_from_configuration_including_another_template()
    {
        var template = Path.Combine(Path.GetTempPath(), "another-template.yaml");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AwsDeployment:Template"] = template,
            ["AwsDeployment:ArtifactBucket"] = "x",
            ["AwsDeployment:Parameters:ReservedConcurrency"] = "5",
        }).Build();

        // What AwsDeploymentExtensions does with the AppHost's configuration.
        var options = DeployConfiguration.Bind(configuration);

        Assert.Equal(template, options.TemplatePath);
        Assert.Equal("x", options.ArtifactBucket);
        Assert.Equal("5", options.Parameters["ReservedConcurrency"]);
        Assert.Equal(DeployOptions.DefaultStackName, options.StackName);
    }

    [Theory]
    [InlineData("deploy")]
    [InlineData("preview")]
    public void The_deploy_and_preview_commands_take_the_same_options_as_the_bare_command(string command)
    {
        var options = DeployCommandLine.Parse([command, "--artifact-bucket", "art", "--parameter", "ThrottlingRateLimit=3", "--stack-name", "cv", "--region", "eu-west-1"]);

        Assert.Equal(("art", "3", "cv", "eu-west-1"), (options.ArtifactBucket, options.Parameters["ThrottlingRateLimit"], options.StackName, options.Region));
    }

    [Fact]
    public void Destroy_takes_the_stack_options_and_delete_data_and_logs_takes_a_duration()
    {
        var destroy = DeployCommandLine.Parse(["destroy", "--stack-name", "cv", "--delete-data", "--yes", "--profile", "p"]);

        Assert.Equal(("cv", true, "p"), (destroy.StackName, destroy.DeleteData, destroy.Profile));
        Assert.Equal("cv", DeployCommandLine.Parse(["logs", "--since", "2h", "--follow", "--stack-name", "cv"]).StackName);
        Assert.Contains("--since 'yesterday'", Assert.Throws<DeployException>(() => DeployCommandLine.Parse(["logs", "--since", "yesterday"])).Message);
        Assert.Throws<DeployException>(() => DeployCommandLine.Parse(["destroy", "--skip-publish"])); // a deploy option
    }

    [Fact]
    public void A_template_parameter_the_template_does_not_declare_or_allow_is_refused_before_anything_runs()
    {
        var root = RepositoryLayout.Current.Root;

        var undeclared = Assert.Throws<DeployException>(() =>
            DeployCommandLine.Parse(["--repository-root", root, "--dry-run", "--parameter", "ThrottlingRate=10"]).Validate());
        var disallowed = Assert.Throws<DeployException>(() =>
            DeployCommandLine.Parse(["--repository-root", root, "--dry-run", "--parameter", "ReservedConcurrency=0"]).Validate());

        Assert.Contains("ThrottlingRate", undeclared.Message);
        Assert.Contains("ThrottlingRateLimit", undeclared.Message); // the declared names are listed
        Assert.Contains("ReservedConcurrency", disallowed.Message);
    }

    [Fact]
    public void Without_a_template_option_the_checkouts_template_is_deployed_and_with_one_that_file()
    {
        var template = Path.Combine(Path.GetTempPath(), "another-template.yaml");

        Assert.Equal(TemplateFile.Path, DeployCommandLine.Parse(["--artifact-bucket", "art"]).TemplatePath);
        Assert.Equal(template, DeployCommandLine.Parse(["--artifact-bucket", "art", "--template", template]).TemplatePath);
    }

    [Theory]
    [InlineData("--nope")]
    [InlineData("--artifact-bucket")]
    [InlineData("--parameter", "NoEquals")]
    public void Bad_options_are_refused_with_a_message(params string[] args)
    {
        Assert.Throws<DeployException>(() => DeployCommandLine.Parse(args));
    }

    [Fact]
    public void A_custom_domain_needs_its_certificate_and_a_real_deploy_needs_an_artifact_bucket()
    {
        var root = RepositoryLayout.Current.Root;
        Assert.Contains("certificate", Assert.Throws<DeployException>(() =>
            DeployCommandLine.Parse(["--repository-root", root, "--dry-run", "--site-domain", "cv.example.com"]).Validate()).Message);
        Assert.Contains("--artifact-bucket", Assert.Throws<DeployException>(() =>
            DeployCommandLine.Parse(["--repository-root", root]).Validate()).Message);
    }

    [Fact]
    public void Stack_parameters_use_the_site_origin_only_without_a_custom_domain()
    {
        var plain = DeployCommandLine.Parse(["--artifact-bucket", "art"]);
        var custom = DeployCommandLine.Parse(["--artifact-bucket", "art", "--site-domain", "cv.example.com", "--certificate-arn", TemplateFile.CertificateArn]);

        var plainParameters = StackParameters.For(plain, "counter-lambda/x.zip", "https://d1.cloudfront.net");
        var customParameters = StackParameters.For(custom, "counter-lambda/x.zip", "https://d1.cloudfront.net");

        Assert.Equal("https://d1.cloudfront.net", plainParameters["SiteOrigin"]);
        Assert.Equal("", customParameters["SiteOrigin"]);
        Assert.Equal("cv.example.com", customParameters["SiteDomainName"]);
        // Every name passed is one the template declares.
        var declared = TemplateFile.Load().Parameters.Keys;
        Assert.All(customParameters.Keys, name => Assert.Contains(name, declared));
    }
}

namespace CloudResume.Tests.Infra;

/// <summary>The function definition matches what Counter.Lambda publishes: a Native AOT `bootstrap` for AL2023.</summary>
public sealed class FunctionArtifactTests
{
    [Theory]
    [InlineData("x86_64")]
    [InlineData("arm64")]
    public void Runtime_handler_and_architecture_match_the_published_binary(string architecture)
    {
        var template = TemplateFile.Load(("Architecture", architecture));
        var function = FunctionDefinition.From(template, template.Resource("CounterFunction"));
        var properties = template.Resource("CounterFunction").Properties;

        Assert.Equal("provided.al2023", function.Runtime);
        Assert.Equal("bootstrap", function.Handler);
        Assert.Equal([architecture], properties["Architectures"]!.AsArray().Select(a => a!.ToString()));
        Assert.Equal("JSON", properties["LoggingConfig"]?["LogFormat"]?.ToString());
        Assert.Equal("Active", properties["TracingConfig"]?["Mode"]?.ToString());
        Assert.Equal(template.PhysicalId("VisitsTable"), function.Environment["TABLE_NAME"]);
    }

    [Fact]
    public void Only_the_two_architectures_a_bootstrap_is_built_for_are_allowed()
    {
        var allowed = TemplateFile.Load().Document["Parameters"]!["Architecture"]!["AllowedValues"]!.AsArray().Select(v => v!.ToString());

        Assert.Equal(["x86_64", "arm64"], allowed);
        Assert.Equal("x86_64", TemplateFile.Load().Parameters["Architecture"]);
    }

    [Fact]
    public void Code_comes_from_the_artifact_bucket_and_content_hashed_key_parameters()
    {
        var code = TemplateFile.Load(("ArtifactBucket", "my-artifacts"), ("ArtifactKey", "counter-lambda/abc.zip"))
            .Resource("CounterFunction").Properties["Code"]!;

        Assert.Equal("my-artifacts", code["S3Bucket"]!.ToString());
        Assert.Equal("counter-lambda/abc.zip", code["S3Key"]!.ToString());
    }

    [Fact]
    public void Function_logs_are_kept_for_the_retention_parameter()
    {
        var template = TemplateFile.Load(("LogRetentionInDays", "14"));

        Assert.Equal(14, NodeValue.Int(template.Resource("CounterLogGroup").Properties["RetentionInDays"]));
        Assert.Equal(14, NodeValue.Int(template.Resource("ApiAccessLogGroup").Properties["RetentionInDays"]));
    }
}

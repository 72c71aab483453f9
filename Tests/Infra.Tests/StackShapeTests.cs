namespace CloudResume.Tests.Infra;

/// <summary>What survives a stack deletion, and what the stack tells the deploy.</summary>
public sealed class StackShapeTests
{
    [Fact]
    public void The_table_of_counts_is_retained_on_delete_and_on_replacement()
    {
        var table = TemplateFile.Load().Resource("VisitsTable");

        Assert.Equal("Retain", table.DeletionPolicy);
        Assert.Equal("Retain", table.UpdateReplacePolicy);
        Assert.True(table.Properties["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>());
        Assert.True(table.Properties["SSESpecification"]!["SSEEnabled"]!.GetValue<bool>());
        Assert.Equal("ExpiresAt", table.Properties["TimeToLiveSpecification"]!["AttributeName"]!.ToString());
    }

    [Fact]
    public void Every_output_the_deploy_reads_is_declared()
    {
        var outputs = TemplateFile.Load().Document["Outputs"]!.AsObject();

        Assert.Equal(Deploy.StackOutputs.All.Order(), outputs.Select(o => o.Key).Order());
        Assert.All(outputs, o => Assert.NotNull(o.Value?["Value"]));
    }

    [Fact]
    public void The_api_stage_throttles_and_writes_access_logs_without_client_ips()
    {
        var stage = TemplateFile.Load(("ThrottlingRateLimit", "5")).Resource("HttpApiStage").Properties;

        Assert.Equal("$default", stage["StageName"]!.ToString());
        Assert.True(stage["AutoDeploy"]!.GetValue<bool>());
        Assert.Equal(5, stage["DefaultRouteSettings"]!["ThrottlingRateLimit"]!.GetValue<long>());
        Assert.DoesNotContain("sourceIp", stage["AccessLogSettings"]!["Format"]!.ToString(), StringComparison.Ordinal);
    }
}

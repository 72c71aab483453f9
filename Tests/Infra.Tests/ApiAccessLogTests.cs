namespace CloudResume.Tests.Infra;

/// <summary>
/// API Gateway delivers access logs through CloudWatch Logs' vended-log delivery: under /aws/vendedlogs/ the
/// account's 5,120-character Logs resource policy does not grow with each log group (which can fail the
/// stage), and the deploying identity needs the log-delivery permissions AWS documents for HTTP APIs.
/// </summary>
public sealed class ApiAccessLogTests
{
    [Fact]
    public void The_api_access_log_group_is_under_aws_vendedlogs_and_is_the_stages_destination()
    {
        var template = TemplateFile.Load();
        var group = template.Resource("ApiAccessLogGroup").Properties["LogGroupName"]!.ToString();

        Assert.Equal("/aws/vendedlogs/apigateway/resume-api", group);
        Assert.Equal($"arn:aws:logs:us-east-1:123456789012:log-group:{group}:*",
            template.Resource("HttpApiStage").Properties["AccessLogSettings"]!["DestinationArn"]!.ToString());
    }

    [Fact]
    public void The_deploy_role_has_every_log_delivery_permission_api_gateway_documents_for_access_logging()
    {
        string[] documented =
        [
            "logs:CreateLogDelivery", "logs:PutResourcePolicy", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
            "logs:CreateLogGroup", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries",
        ];

        Assert.All(documented, action => Assert.Contains(action, GitHubOidcTemplate.DeployRoleActions()));
    }
}

namespace CloudResume.Tests.Infra;

/// <summary>The function's role may do exactly what the counter does, on this table and its own log group.</summary>
public sealed class LeastPrivilegeTests
{
    private static readonly string[] DynamoDbActions = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

    private static IEnumerable<JsonObject> Statements(JsonObject role) =>
        (role["Policies"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(policy => (policy["PolicyDocument"]?["Statement"] as JsonArray ?? []).OfType<JsonObject>());

    [Fact]
    public void Inline_policy_allows_only_the_counters_dynamodb_actions_and_log_writes()
    {
        var role = TemplateFile.Load().Resource("CounterFunctionRole").Properties;

        var actions = Statements(role).SelectMany(s => PolicyValues.Strings(s["Action"])).Order().ToArray();

        Assert.Equal([.. DynamoDbActions, "logs:CreateLogStream", "logs:PutLogEvents"], actions);
        Assert.All(Statements(role), s => Assert.Equal("Allow", s["Effect"]?.ToString()));
    }

    [Fact]
    public void Every_resource_is_this_table_or_the_functions_log_group_and_nothing_is_a_wildcard()
    {
        var template = TemplateFile.Load();
        var role = template.Resource("CounterFunctionRole").Properties;
        var tableArn = $"arn:aws:dynamodb:us-east-1:123456789012:table/{template.PhysicalId("VisitsTable")}";
        var logGroupArn = $"arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/resume-counter:*";

        foreach (var statement in Statements(role))
        {
            var actions = PolicyValues.Strings(statement["Action"]);
            var resources = PolicyValues.Strings(statement["Resource"]);
            Assert.NotEmpty(resources);
            Assert.DoesNotContain(actions, a => a.Contains('*'));
            Assert.All(resources, r => Assert.True(r == tableArn || r == logGroupArn, $"unexpected resource {r}"));
            Assert.Equal(actions.All(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)) ? tableArn : logGroupArn, Assert.Single(resources));
            Assert.Null(statement["NotAction"]);
            Assert.Null(statement["NotResource"]);
        }
        // The resolved function logs to exactly that group.
        Assert.Equal("/aws/lambda/resume-counter", template.Resource("CounterFunction").Properties["LoggingConfig"]?["LogGroup"]?.ToString());
    }

    [Fact]
    public void The_only_managed_policy_is_xray_write_access_and_only_while_tracing_is_active()
    {
        var active = TemplateFile.Load().Resource("CounterFunctionRole").Properties;
        var passThrough = TemplateFile.Load(("Tracing", "PassThrough"));

        Assert.Equal(["arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"], PolicyValues.Strings(active["ManagedPolicyArns"]));
        Assert.Null(passThrough.Resource("CounterFunctionRole").Properties["ManagedPolicyArns"]);
        Assert.Equal("PassThrough", passThrough.Resource("CounterFunction").Properties["TracingConfig"]?["Mode"]?.ToString());
    }

    [Fact]
    public void Only_this_apis_routes_may_invoke_the_function()
    {
        var permission = TemplateFile.Load().Resource("CounterInvokePermission").Properties;

        Assert.Equal("lambda:InvokeFunction", permission["Action"]?.ToString());
        Assert.Equal("apigateway.amazonaws.com", permission["Principal"]?.ToString());
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:HttpApi/*/*/visits", permission["SourceArn"]?.ToString());
    }
}

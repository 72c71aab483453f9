using Xunit.Abstractions;

namespace CloudResume.Tests.Infra;

/// <summary>
/// The whole lifecycle against moto, with the real published bootstrap: preview (a change set created, described,
/// never executed) → deploy → a second deploy of a rebuilt same-source package uploads nothing and still prints
/// the outputs → logs → destroy leaves only the retained table. moto returns no Outputs and ignores API Gateway
/// v2, CloudFront and bucket policies: the stand-ins --api-url/--site-url replace the outputs, invalidation is skipped.
/// </summary>
[Collection(MotoCollection.Lifecycle)]
public sealed class MotoLifecycleTests(MotoServer moto, ITestOutputHelper output)
{
    private const string Stack = "life";
    private const string Artifacts = "life-artifacts";
    private const string SiteUrl = "https://d2222222abcdef8.cloudfront.net";

    /// <summary>The IAM action each aws command of a deploy needs; none for calls that need no permission.</summary>
    private static readonly Dictionary<string, string[]> IamActions = new()
    {
        ["configure get"] = [],
        ["sts get-caller-identity"] = [],
        ["s3api head-bucket"] = ["s3:ListBucket"],
        ["s3api create-bucket"] = ["s3:CreateBucket"],
        ["s3api put-public-access-block"] = ["s3:PutBucketPublicAccessBlock"],
        ["s3api put-bucket-lifecycle-configuration"] = ["s3:PutLifecycleConfiguration"],
        ["s3api head-object"] = ["s3:GetObject"],
        ["s3api put-object"] = ["s3:PutObject"],
        ["s3api list-objects-v2"] = ["s3:ListBucket"],
        ["s3api delete-object"] = ["s3:DeleteObject"],
        ["cloudformation describe-stacks"] = ["cloudformation:DescribeStacks"],
        ["cloudformation describe-stack-resources"] = ["cloudformation:DescribeStackResources"],
        ["cloudformation describe-stack-events"] = ["cloudformation:DescribeStackEvents"],
        ["cloudformation deploy"] = ["cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:DescribeStacks"],
        ["cloudfront create-invalidation"] = ["cloudfront:CreateInvalidation"],
    };

    private DeployOptions Options(string package, RecordingAwsCli aws) =>
        moto.WholeDeployOptions(Stack, Artifacts, package, "https://life123.execute-api.us-east-1.amazonaws.com", SiteUrl) with { AwsCli = aws.Script };

    [Fact]
    public async Task Preview_deploy_a_rebuilt_same_source_redeploy_that_uploads_nothing_logs_and_destroy_keeping_only_the_table()
    {
        var recorder = await RecordingAwsCli.CreateAsync();
        var aws = moto.Cli();
        var options = Options(await PublishedFunction.PackageAsync(), recorder);
        var stack = new StackDeployer(aws, options, _ => { });
        var log = new List<string>();

        var preview = await output.TimedAsync("moto: preview", () => StackPreview.RunAsync(options, log.Add));

        Assert.Contains(preview.Changes, c => (c.Action, c.LogicalId, c.ResourceType) == ("Add", "VisitsTable", "AWS::DynamoDB::Table"));
        Assert.Contains(preview.Changes, c => (c.Action, c.LogicalId) == ("Add", "CounterFunction"));
        Assert.True(preview.PackageWouldUpload);
        Assert.Null(await stack.DescribeAsync(default)); // the change set was never executed, and the preview's empty stack is gone
        Assert.DoesNotContain(Stack, (await aws.JsonAsync(["dynamodb", "list-tables"], default))!["TableNames"]!.ToJsonString());
        Assert.False((await aws.RunAsync(["s3api", "head-bucket", "--bucket", Artifacts], default)).Succeeded);
        Assert.DoesNotContain(recorder.Take(), line => line.StartsWith("cloudformation execute-change-set", StringComparison.Ordinal));

        var first = await output.TimedAsync("moto: deploy", () => AwsDeployment.RunAsync(options, log.Add));
        var firstCommands = recorder.Take();

        Assert.True(first.PackageUploaded);
        Assert.Equal("UPDATE_COMPLETE", (await stack.DescribeAsync(default))?.Status); // created, then the CORS pass

        // Rebuilt from the same source: the packaging target runs again on the same bootstrap.
        var rebuilt = await PublishedFunction.PackageAsync();
        var again = new List<string>();
        var second = await output.TimedAsync("moto: redeploy of the same source", () => AwsDeployment.RunAsync(options with { FunctionPackage = rebuilt }, again.Add));
        var secondCommands = recorder.Take();

        Assert.NotEqual(options.FunctionPackage, rebuilt);
        Assert.Equal((first.ArtifactKey, false), (second.ArtifactKey, second.PackageUploaded));
        Assert.DoesNotContain(secondCommands, line => line.StartsWith("s3api put-object", StringComparison.Ordinal));
        Assert.Contains(again, l => l.EndsWith("nothing uploaded.", StringComparison.Ordinal));
        Assert.Empty(second.ChangedPaths);
        Assert.Contains(again, l => l.StartsWith($"outputs of stack {Stack}", StringComparison.Ordinal));
        Assert.Contains(again, l => l.Contains("SiteUrl", StringComparison.Ordinal) && l.Contains(SiteUrl, StringComparison.Ordinal));

        // Every call a deploy made is one the CI role (infra/github-oidc.yaml) may make.
        var allowed = GitHubOidcTemplate.DeployRoleActions();
        foreach (var command in firstCommands.Concat(secondCommands).Select(RecordingAwsCli.Command).Distinct())
        {
            Assert.True(IamActions.TryGetValue(command, out var actions), $"`aws {command}`: add its IAM action to this map and to the deploy role");
            Assert.All(actions, action => Assert.Contains(action, allowed));
        }

        var logGroup = $"/aws/lambda/{Stack}-counter"; // the template's name; moto reports no physical id for log groups
        await aws.JsonAsync(["logs", "create-log-stream", "--log-group-name", logGroup, "--log-stream-name", "s1"], default);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        await aws.JsonAsync(["logs", "put-log-events", "--log-group-name", logGroup, "--log-stream-name", "s1", "--log-events", $"timestamp={now},message=counted one visit"], default);
        var logs = new List<string>();
        await output.TimedAsync("moto: logs", () => StackLogs.RunAsync(options, TimeSpan.FromMinutes(5), follow: false, logs.Add));
        Assert.Contains(logs, l => l.StartsWith("[function] ", StringComparison.Ordinal) && l.EndsWith("counted one visit", StringComparison.Ordinal));

        var table = await stack.PhysicalIdAsync("VisitsTable", default);
        var siteBucket = await stack.PhysicalIdAsync("SiteBucket", default);
        var destroyed = await output.TimedAsync("moto: destroy", () => StackDestroyer.RunAsync(options, confirmed: true, log.Add));

        Assert.Equal((true, table), (destroyed.StackDeleted, destroyed.KeptTable));
        Assert.Null(await stack.DescribeAsync(default));
        Assert.True((await aws.RunAsync(["dynamodb", "describe-table", "--table-name", table!], default)).Succeeded, "the table is retained");
        Assert.False((await aws.RunAsync(["s3api", "head-bucket", "--bucket", siteBucket!], default)).Succeeded);
        Assert.False((await aws.RunAsync(["s3api", "head-bucket", "--bucket", Artifacts], default)).Succeeded);
        Assert.False((await aws.RunAsync(["lambda", "get-function", "--function-name", $"{Stack}-counter"], default)).Succeeded);
        // Not checked: the log groups' deletion (moto reports no physical id for them, so its stack keeps them).
    }
}

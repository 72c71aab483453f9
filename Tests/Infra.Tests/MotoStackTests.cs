namespace CloudResume.Tests.Infra;

/// <summary>
/// `aws cloudformation deploy` of the real template against moto: the resources moto does create are
/// wired to each other (table ↔ function environment ↔ role policy).
/// </summary>
[Collection(MotoCollection.Stack)]
public sealed class MotoStackTests(MotoServer moto)
{
    [Fact]
    public async Task Table_function_and_role_are_created_and_point_at_each_other()
    {
        var options = moto.Options("wiring", "wiring-artifacts");
        var aws = moto.Cli();
        var package = FunctionPackageFile.Create([("bootstrap", "#!/bin/sh\n"u8.ToArray(), FunctionPackageFile.Mode755)]); // moto stores it, never runs it
        await aws.JsonAsync(["s3api", "create-bucket", "--bucket", "wiring-artifacts"], default);
        await aws.JsonAsync(["s3api", "put-object", "--bucket", "wiring-artifacts", "--key", "counter-lambda/one.zip", "--body", package], default);
        var stack = new StackDeployer(aws, options, _ => { });

        await stack.DeployAsync(StackParameters.For(options, "counter-lambda/one.zip", ""), default);

        var tableName = await stack.PhysicalIdAsync("VisitsTable", default);
        var functionName = await stack.PhysicalIdAsync("CounterFunction", default);
        var roleName = await stack.PhysicalIdAsync("CounterFunctionRole", default);
        Assert.NotNull(tableName);
        Assert.Equal("wiring-counter", functionName);

        var table = (await aws.JsonAsync(["dynamodb", "describe-table", "--table-name", tableName], default))!["Table"]!;
        Assert.Equal("""[{"AttributeName":"Id","KeyType":"HASH"}]""", table["KeySchema"]!.ToJsonString());
        Assert.Equal("""[{"AttributeName":"Id","AttributeType":"S"}]""", table["AttributeDefinitions"]!.ToJsonString());
        Assert.Equal("PAY_PER_REQUEST", table["BillingModeSummary"]?["BillingMode"]?.ToString());

        var function = (await aws.JsonAsync(["lambda", "get-function-configuration", "--function-name", functionName!], default))!;
        Assert.Equal("provided.al2023", function["Runtime"]?.ToString());
        Assert.Equal("bootstrap", function["Handler"]?.ToString());
        Assert.Equal(tableName, function["Environment"]?["Variables"]?["TABLE_NAME"]?.ToString());
        Assert.EndsWith($":role/{roleName}", function["Role"]?.ToString());

        var policy = (await aws.JsonAsync(["iam", "get-role-policy", "--role-name", roleName!, "--policy-name", "counter-least-privilege"], default))!;
        var statements = PolicyDocument(policy["PolicyDocument"]!)["Statement"]!.AsArray();
        var dynamo = Assert.Single(statements, s => s!["Sid"]?.ToString() == "CountVisits")!;
        Assert.Equal(table["TableArn"]!.ToString(), dynamo["Resource"]!.ToString());
        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], dynamo["Action"]!.AsArray().Select(a => a!.ToString()).Order());
    }

    [Fact]
    public async Task A_stack_that_cannot_deploy_stops_the_deploy_with_the_reason()
    {
        var options = moto.Options("broken", "no-such-artifact-bucket");
        var stack = new StackDeployer(moto.Cli(), options, _ => { });

        var error = await Assert.ThrowsAsync<DeployException>(() =>
            stack.DeployAsync(StackParameters.For(options, "counter-lambda/missing.zip", ""), default));

        Assert.Contains("did not deploy", error.Message);
        Assert.Contains("NoSuchBucket", error.Message);
    }

    // IAM answers a JSON document; moto answers the same document as a Python literal ('single quotes').
    private static JsonNode PolicyDocument(JsonNode document) => document switch
    {
        JsonObject json => json,
        _ => JsonNode.Parse(Uri.UnescapeDataString(document.ToString()).Replace('\'', '"'))!,
    };
}

using CloudResume.Local.DynamoDb;

namespace CloudResume.Tests.Emulator;

/// <summary>Lambda's Invoke API on the runtime port (what <c>aws lambda invoke</c> and the SDKs call).</summary>
[Collection(ExternalEmulatorCollection.Name)]
public sealed class InvokeApiTests(ExternalEmulatorFixture fixture)
{
    private Uri InvokeUrl(string function) => new(fixture.Emulator.Runtime, $"/2015-03-31/functions/{function}/invocations");

    [Fact]
    public async Task Invoke_returns_the_function_payload_with_200_and_X_Amz_Executed_Version()
    {
        using var runtime = fixture.NewRuntime();
        var call = fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("""{"ping":1}"""));
        var evt = await runtime.NextAsync();
        Assert.Equal(1, (int)evt.Json["ping"]!);
        await runtime.RespondAsync(evt.RequestId, """{"pong":2}""");
        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("""{"pong":2}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_of_a_failing_function_is_200_with_X_Amz_Function_Error_Unhandled()
    {
        using var runtime = fixture.NewRuntime();
        var call = fixture.Client.PostAsync(InvokeUrl("arn:aws:lambda:us-east-1:123456789012:function:cloudresume-counter"), new StringContent("{}"));
        var evt = await runtime.NextAsync();
        await runtime.ErrorAsync(evt.RequestId, "Handler.Failed", "boom");
        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Handler.Failed", (string?)error["errorType"]);
        Assert.Equal("boom", (string?)error["errorMessage"]);
    }

    [Fact]
    public async Task Invoke_of_an_unknown_function_is_404_ResourceNotFoundException()
    {
        using var response = await fixture.Client.PostAsync(InvokeUrl("no-such-function"), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("Function not found", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Fact]
    public async Task Invoke_beyond_reserved_concurrency_is_429_TooManyRequestsException()
    {
        using var runtime = fixture.NewRuntime();
        var busy = new[] { fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("{}")), fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("{}")) };
        var first = await runtime.NextAsync();
        var second = await runtime.NextAsync();
        using var throttled = await fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("{}"));
        Assert.Equal((HttpStatusCode)429, throttled.StatusCode);
        Assert.Equal("TooManyRequestsException", throttled.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", (string?)JsonNode.Parse(await throttled.Content.ReadAsStringAsync())!["Reason"]);
        await runtime.RespondAsync(first.RequestId, "1");
        await runtime.RespondAsync(second.RequestId, "2");
        foreach (var response in await Task.WhenAll(busy)) response.Dispose();
    }

    [Fact]
    public async Task Aws_cli_lambda_invoke_works_against_the_runtime_port()
    {
        using var runtime = fixture.NewRuntime();
        var outFile = Path.GetTempFileName();
        var cli = new ProcessStart("aws",
            ["lambda", "invoke", "--endpoint-url", fixture.Emulator.Runtime.ToString().TrimEnd('/'),
             "--region", "us-east-1", "--function-name", "cloudresume-counter", "--payload", """{"from":"cli"}""", outFile])
        {
            Environment = new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = LocalCredentials.AccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = LocalCredentials.SecretAccessKey,
                ["AWS_PAGER"] = "",
            },
        }.RunAsync();

        var evt = await runtime.NextAsync();
        Assert.Equal("cli", (string?)evt.Json["from"]);
        await runtime.RespondAsync(evt.RequestId, """{"answer":42}""");

        var output = await cli;
        Assert.True(output.Succeeded, output.Stderr);
        var result = JsonNode.Parse(output.Stdout)!;
        Assert.Equal(200, (int)result["StatusCode"]!);
        Assert.Equal("$LATEST", (string?)result["ExecutedVersion"]);
        Assert.Equal("""{"answer":42}""", await File.ReadAllTextAsync(outFile, Encoding.UTF8));
        File.Delete(outFile);
    }
}

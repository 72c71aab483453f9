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

    [Fact]
    public async Task Invoke_accepts_a_partial_ARN_account_id_function_name_as_the_Invoke_API_reference_allows()
    {
        using var runtime = fixture.NewRuntime();
        var call = fixture.Client.PostAsync(InvokeUrl("123456789012:function:cloudresume-counter"), new StringContent("{}"));
        var evt = await runtime.NextAsync();
        await runtime.RespondAsync(evt.RequestId, """{"ok":true}""");
        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_with_a_payload_that_is_not_JSON_is_400_InvalidRequestContentException_before_any_function_sees_it()
    {
        using var response = await fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("not json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains("Could not parse request body into json", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);

        // The next invocation is the next one the runtime sees: the refused payload never became an event.
        using var runtime = fixture.NewRuntime();
        var call = fixture.Client.PostAsync(InvokeUrl("cloudresume-counter"), new StringContent("""{"after":1}"""));
        var evt = await runtime.NextAsync();
        Assert.Equal(1, (int)evt.Json["after"]!);
        await runtime.RespondAsync(evt.RequestId, "{}");
        (await call).Dispose();
    }

    [Fact]
    public async Task Invoke_with_LogType_Tail_returns_the_invocations_log_base64_in_X_Amz_Log_Result_framed_as_CloudWatch_frames_it()
    {
        using var runtime = fixture.NewRuntime();
        using var request = new HttpRequestMessage(HttpMethod.Post, InvokeUrl("cloudresume-counter")) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        var call = fixture.Client.SendAsync(request);
        var evt = await runtime.NextAsync();
        await runtime.RespondAsync(evt.RequestId, "{}");
        using var response = await call;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
        Assert.StartsWith($"START RequestId: {evt.RequestId} Version: $LATEST", tail);
        Assert.Contains($"END RequestId: {evt.RequestId}", tail);
        Assert.Matches($@"REPORT RequestId: {evt.RequestId}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB", tail);
    }
}

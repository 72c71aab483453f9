namespace CloudResume.Tests.Emulator;

/// <summary>Lambda's Invoke API on the runtime port (what <c>aws lambda invoke</c> and the SDKs call).</summary>
[Collection(ExternalEmulatorCollection.Name)]
public sealed class InvokeApiTests(ExternalEmulatorFixture fixture)
{
    private Uri InvokeUrl(string function) => new(fixture.Emulator.Runtime, $"/2015-03-31/functions/{function}/invocations");

    /// <summary>An Invoke API call (RequestResponse, as the SDKs' default) with <paramref name="payload"/>.</summary>
    private Task<HttpResponseMessage> SendInvokeAsync(string function, string payload) =>
        fixture.Client.PostAsync(InvokeUrl(function), new StringContent(payload));

    /// <summary>Asserts an Invoke API error answer (status and x-amzn-ErrorType); returns its JSON body.</summary>
    private static async Task<JsonNode> AssertInvokeErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorType)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Invoke_returns_the_function_payload_with_200_and_X_Amz_Executed_Version()
    {
        using var invocation = await fixture.InvokeAsync(SendInvokeAsync("cloudresume-counter", """{"ping":1}"""));
        Assert.Equal(1, (int)invocation.Event.Json["ping"]!);
        await invocation.RespondAsync("""{"pong":2}""");
        using var response = await invocation.Answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.Equal("""{"pong":2}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_of_a_failing_function_is_200_with_X_Amz_Function_Error_Unhandled()
    {
        using var invocation = await fixture.InvokeAsync(SendInvokeAsync("arn:aws:lambda:us-east-1:123456789012:function:cloudresume-counter", "{}"));
        await invocation.ErrorAsync("Handler.Failed", "boom");
        using var response = await invocation.Answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Handler.Failed", (string?)error["errorType"]);
        Assert.Equal("boom", (string?)error["errorMessage"]);
    }

    [Fact]
    public async Task Invoke_of_an_unknown_function_is_404_ResourceNotFoundException()
    {
        using var response = await SendInvokeAsync("no-such-function", "{}");
        var error = await AssertInvokeErrorAsync(response, HttpStatusCode.NotFound, "ResourceNotFoundException");
        Assert.Contains("Function not found", (string?)error["message"]);
    }

    [Fact]
    public async Task Invoke_beyond_reserved_concurrency_is_429_TooManyRequestsException()
    {
        using var runtime = fixture.NewRuntime();
        var busy = new[] { SendInvokeAsync("cloudresume-counter", "{}"), SendInvokeAsync("cloudresume-counter", "{}") };
        var first = await runtime.NextAsync();
        var second = await runtime.NextAsync();
        using var throttled = await SendInvokeAsync("cloudresume-counter", "{}");
        var error = await AssertInvokeErrorAsync(throttled, (HttpStatusCode)429, "TooManyRequestsException");
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", (string?)error["Reason"]);
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
        using var invocation = await fixture.InvokeAsync(SendInvokeAsync("123456789012:function:cloudresume-counter", "{}"));
        await invocation.RespondAsync("""{"ok":true}""");
        Assert.Equal("""{"ok":true}""", await invocation.AssertCallerGetsAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task Invoke_with_a_payload_that_is_not_JSON_is_400_InvalidRequestContentException_before_any_function_sees_it()
    {
        using var response = await SendInvokeAsync("cloudresume-counter", "not json");
        var error = await AssertInvokeErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestContentException");
        Assert.Contains("Could not parse request body into json", (string?)error["message"]);

        // The next invocation is the next one the runtime sees: the refused payload never became an event.
        using var invocation = await fixture.InvokeAsync(SendInvokeAsync("cloudresume-counter", """{"after":1}"""));
        Assert.Equal(1, (int)invocation.Event.Json["after"]!);
        await invocation.RespondAsync("{}");
        await invocation.AssertCallerGetsAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invoke_with_LogType_Tail_returns_the_invocations_log_base64_in_X_Amz_Log_Result_framed_as_CloudWatch_frames_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, InvokeUrl("cloudresume-counter")) { Content = new StringContent("{}") };
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        using var invocation = await fixture.InvokeAsync(fixture.Client.SendAsync(request));
        await invocation.RespondAsync("{}");
        using var response = await invocation.Answer;

        var requestId = invocation.Event.RequestId;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
        Assert.StartsWith($"START RequestId: {requestId} Version: $LATEST", tail);
        Assert.Contains($"END RequestId: {requestId}", tail);
        Assert.Matches($@"REPORT RequestId: {requestId}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: \d+ MB", tail);
    }
}

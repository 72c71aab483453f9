namespace CloudResume.Tests.Emulator;

/// <summary>The Runtime API exactly per lambda-runtime-api.yaml, driven by the test as the runtime.</summary>
[Collection(ExternalEmulatorCollection.Name)]
public sealed class RuntimeApiTests(ExternalEmulatorFixture fixture)
{
    private static async Task AssertErrorResponseAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty((string?)body["errorMessage"]));
        Assert.False(string.IsNullOrEmpty((string?)body["errorType"]));
    }

    /// <summary>A caller's GET /visits in flight, and the event it became for a runtime of its own.</summary>
    private Task<Invocation> InvokeVisitsAsync() => fixture.InvokeAsync(fixture.Client.GetAsync(fixture.Url("/visits")));

    [Fact]
    public async Task Waiting_runtime_gets_the_event_immediately_and_its_response_is_accepted_with_202()
    {
        using var runtime = fixture.NewRuntime();
        var handovers = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var next = runtime.NextAsync();
            await Task.Delay(50); // the runtime is already waiting when the request arrives
            var clock = Stopwatch.StartNew();
            var call = fixture.Client.GetAsync(fixture.Url("/visits"));
            var evt = await next;
            handovers.Add(clock.Elapsed.TotalMilliseconds);

            Assert.Equal("application/json", evt.Response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("GET /visits", (string?)evt.Json["routeKey"]);
            Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=[01]$", evt.Header("Lambda-Runtime-Trace-Id"));
            Assert.EndsWith(":function:cloudresume-counter", evt.Header("Lambda-Runtime-Invoked-Function-Arn"));

            using var accepted = await runtime.RespondAsync(evt.RequestId, """{"statusCode":200,"body":"hi"}""");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal("OK", (string?)JsonNode.Parse(await accepted.Content.ReadAsStringAsync())!["status"]);
            using var answer = await call;
            Assert.Equal("hi", await answer.Content.ReadAsStringAsync());
        }
        // A 100 ms poller (Amazon.Lambda.TestTool) would hand over after ~50 ms on the median.
        var median = handovers.Order().ElementAt(handovers.Count / 2);
        Assert.True(median < 40, $"median handover {median:0.0} ms: polling?");
    }

    [Fact]
    public async Task Response_for_an_unknown_request_id_is_400()
    {
        using var runtime = fixture.NewRuntime();
        using var response = await runtime.RespondAsync(Guid.NewGuid().ToString(), "{}");
        await AssertErrorResponseAsync(response, HttpStatusCode.BadRequest);
        using var error = await runtime.ErrorAsync(Guid.NewGuid().ToString(), "X", "y");
        await AssertErrorResponseAsync(error, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Second_response_for_the_same_invocation_is_403()
    {
        using var invocation = await InvokeVisitsAsync();
        using var first = await invocation.RespondAsync("""{"statusCode":204}""");
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        using var second = await invocation.RespondAsync("""{"statusCode":200}""");
        await AssertErrorResponseAsync(second, HttpStatusCode.Forbidden);
        using var late = await invocation.ErrorAsync("X", "y");
        await AssertErrorResponseAsync(late, HttpStatusCode.Forbidden);
        await invocation.AssertCallerGetsAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Response_over_6_MB_is_413_and_the_caller_gets_500()
    {
        using var invocation = await InvokeVisitsAsync();
        using var response = await invocation.RespondAsync(new byte[6 * 1024 * 1024 + 200]);
        await AssertErrorResponseAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await invocation.AssertCallerGetsAsync(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Error_is_accepted_with_202_and_the_caller_gets_500()
    {
        using var invocation = await InvokeVisitsAsync();
        using var accepted = await invocation.ErrorAsync("Handler.Failed", "boom");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await invocation.AssertCallerGetsAsync(HttpStatusCode.InternalServerError);
        Assert.Equal("""{"message":"Internal Server Error"}""", body);
    }

    [Fact]
    public async Task Init_error_is_accepted_with_202_and_served_to_the_first_invoke()
    {
        using var runtime = fixture.NewRuntime();
        using var accepted = await runtime.InitErrorAsync("Runtime.ConfigError", "no TABLE_NAME");
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var answer = await fixture.Client.GetAsync(fixture.Url("/visits"));
        Assert.Equal(HttpStatusCode.InternalServerError, answer.StatusCode);
    }

    [Fact]
    public async Task Late_response_after_the_timeout_is_403()
    {
        using var invocation = await InvokeVisitsAsync();
        await invocation.AssertCallerGetsAsync(HttpStatusCode.ServiceUnavailable); // after TimeoutInMillis (5 s)
        await Task.Delay(200);
        using var late = await invocation.RespondAsync("{}");
        await AssertErrorResponseAsync(late, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_CorsConfiguration_the_gateway_does_no_CORS_and_passes_function_headers_through()
    {
        var preflight = fixture.Request(HttpMethod.Options, "/visits", ("Origin", "https://any.example"), ("Access-Control-Request-Method", "GET"));
        using var preflightAnswer = await fixture.Client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NotFound, preflightAnswer.StatusCode); // no OPTIONS route

        var request = fixture.Request(HttpMethod.Get, "/visits", ("Origin", "https://any.example"));
        using var invocation = await fixture.InvokeAsync(fixture.Client.SendAsync(request));
        await invocation.RespondAsync("""{"statusCode":200,"headers":{"Access-Control-Allow-Origin":"https://fn.example"}}""");
        using var answer = await invocation.Answer;
        Assert.Equal("https://fn.example", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

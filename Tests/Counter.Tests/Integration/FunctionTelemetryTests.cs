namespace CloudResume.Tests.Counter.Integration;

[Collection(EmulatedLambdaCollection.Name)]
public sealed class FunctionTelemetryTests(EmulatedLambda lambda) : EmulatedLambdaTests(lambda)
{
    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task Spans_reach_the_otlp_endpoint_before_the_response_and_continue_the_callers_trace()
    {
        using var otlp = new OtlpReceiver();
        var environment = Lambda.FunctionEnvironment(Table);
        environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.Endpoint;
        environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        environment["OTEL_SERVICE_NAME"] = "counter-under-test";
        await Lambda.StartFunctionAsync(environment);
        var traceId = ActivityTraceId.CreateRandom();

        // The emulator passes the caller's trace on as Lambda does, in the X-Ray header of the invocation.
        var result = await Lambda.InvokeAsync(ApiEvents.Json("POST"), traceParent: $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        var tracesWhenAnswered = otlp.Traces;

        Assert.Equal(200, result.StatusCode);
        Assert.True(tracesWhenAnswered.Count >= 1, "the invocation's spans must be exported before the response is posted");
        var exported = tracesWhenAnswered.SelectMany(b => b).ToArray();
        // OTLP protobuf carries ids as raw bytes and names as UTF-8.
        Assert.True(Contains(exported, Convert.FromHexString(traceId.ToHexString())), "trace id of the caller's traceparent");
        Assert.True(Contains(exported, "POST /visits"u8.ToArray()), "invocation span name");
        Assert.True(Contains(exported, "DynamoDB.UpdateItem"u8.ToArray()), "DynamoDB child span");
        Assert.True(Contains(exported, "counter-under-test"u8.ToArray()), "service name");
        Assert.DoesNotContain(tracesWhenAnswered, b => Contains(b, "/runtime/invocation"u8.ToArray()));
        // The function keeps no meter: its metrics travel in its log lines (EMF), aggregated by Lambda and the emulator.
        Assert.Empty(otlp.Metrics);
    }
}

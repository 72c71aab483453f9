using System.Text;
using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Integration;

[Collection(DynaliteCollection.Name)]
public sealed class FunctionTelemetryTests(DynaliteFixture dynalite)
{
    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task Spans_reach_the_otlp_endpoint_before_the_response_and_continue_the_xray_trace()
    {
        using var otlp = new OtlpReceiver();
        await using var runtime = new RuntimeApiDouble();
        var table = await dynalite.NewTableAsync();
        await using var function = FunctionProcess.Start(runtime, FunctionProcess.For(dynalite.Server, table,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", otlp.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "counter-under-test")));
        var tracesWhenAnswered = -1;
        runtime.OnResult = () => tracesWhenAnswered = otlp.Traces.Count;

        var result = await runtime.InvokeAsync(ApiEvents.Json("POST"), traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Assert.Equal(200, result.StatusCode);
        Assert.True(tracesWhenAnswered >= 1, "the invocation's spans must be exported before the response is posted");
        var exported = otlp.Traces.SelectMany(b => b).ToArray();
        // OTLP protobuf carries ids as raw bytes and names as UTF-8.
        Assert.True(Contains(exported, Convert.FromHexString("5759e988bd862e3fe1be46a994272793")), "trace id from the X-Ray Root");
        Assert.True(Contains(exported, Convert.FromHexString("53995c3f42cd8ad8")), "parent span id from the X-Ray Parent");
        Assert.True(Contains(exported, "POST /visits"u8.ToArray()), "invocation span name");
        Assert.True(Contains(exported, "DynamoDB.UpdateItem"u8.ToArray()), "DynamoDB child span");
        Assert.True(Contains(exported, "counter-under-test"u8.ToArray()), "service name");
        Assert.DoesNotContain(otlp.Traces, b => Contains(b, "/runtime/invocation"u8.ToArray()));
        Assert.Contains(otlp.Metrics, b => Contains(b, "visits"u8.ToArray()));
    }
}

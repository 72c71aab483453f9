using CloudResume.Contracts;
using CloudResume.Counter.Logging;

namespace CloudResume.Tests.Counter.Unit;

/// <summary>The payload 2.0 adapter around the handler: event bytes in, response bytes out, within the invocation's deadline.</summary>
public class HttpApiFunctionTests
{
    private readonly FakeVisitCounter _counter = new();
    private readonly MemoryStream _stdout = new();

    private Task<byte[]> InvokeAsync(string payload, DateTimeOffset deadline)
    {
        var log = new FunctionLog(_stdout, TimeProvider.System);
        var function = new HttpApiFunction(new VisitsHandler(_counter, TimeProvider.System, log), telemetry: null, log, TimeProvider.System);
        var context = new InvocationContext("req-1", deadline, InvokedFunctionArn: null, TraceId: null);
        return function.InvokeAsync(new InvocationRequest(context, Encoding.UTF8.GetBytes(payload)), CancellationToken.None);
    }

    [Fact]
    public async Task Deadline_already_passed_is_503_with_retry_after_and_nothing_counted()
    {
        var bytes = await InvokeAsync(ApiEvents.Json("POST"), DateTimeOffset.UtcNow.AddSeconds(-1));

        var response = JsonSerializer.Deserialize(bytes, ContractsJsonContext.Default.HttpApiResponse);
        Assert.NotNull(response);
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", response.Headers?.GetValueOrDefault("retry-after"));
        Assert.Empty(_counter.Counted);
        Assert.Empty(_counter.Reads);
    }

    [Fact]
    public async Task An_event_that_is_not_payload_2_0_is_a_malformed_event_error()
    {
        var error = await Assert.ThrowsAsync<FunctionErrorException>(() => InvokeAsync("{\"version\":\"1.0\"}", DateTimeOffset.UtcNow.AddSeconds(5)));

        Assert.Equal(HttpApiFunction.MalformedEventType, error.ErrorType);
        Assert.Empty(_counter.Counted);
    }

    /// <summary>The log lines written so far, parsed.</summary>
    private List<JsonElement> LogLines() =>
        [.. Encoding.UTF8.GetString(_stdout.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task A_counted_visit_publishes_Visits_in_cloudwatch_embedded_metric_format()
    {
        await InvokeAsync(ApiEvents.Json("POST"), DateTimeOffset.UtcNow.AddSeconds(5));

        var line = Assert.Single(LogLines(), l => l.GetProperty("message").GetString() == "Handled");
        Assert.Equal(1, line.GetProperty("Visits").GetInt64());
        var directive = line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        Assert.Equal(FunctionLog.MetricsNamespace, directive.GetProperty("Namespace").GetString());
        Assert.Equal("Visits", directive.GetProperty("Metrics")[0].GetProperty("Name").GetString());
        Assert.Equal("Count", directive.GetProperty("Metrics")[0].GetProperty("Unit").GetString());
        Assert.True(line.GetProperty("_aws").GetProperty("Timestamp").GetInt64() > 0);
    }

    [Fact]
    public async Task A_bot_publishes_SkippedVisits_with_its_reason_and_no_Visits()
    {
        await InvokeAsync(ApiEvents.Json("POST", userAgent: "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"), DateTimeOffset.UtcNow.AddSeconds(5));

        var line = Assert.Single(LogLines(), l => l.GetProperty("message").GetString() == "Handled");
        Assert.False(line.TryGetProperty("Visits", out _));
        Assert.Equal(1, line.GetProperty("SkippedVisits").GetInt64());
        Assert.Equal("bot", line.GetProperty("Reason").GetString());
        Assert.Equal("Reason", line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0][0].GetString());
    }

    [Fact]
    public async Task A_read_publishes_no_metric()
    {
        await InvokeAsync(ApiEvents.Json("GET"), DateTimeOffset.UtcNow.AddSeconds(5));

        var line = Assert.Single(LogLines(), l => l.GetProperty("message").GetString() == "Handled");
        Assert.False(line.TryGetProperty("_aws", out _));
    }
}

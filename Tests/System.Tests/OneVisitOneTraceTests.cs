using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Tests.System;

/// <summary>
/// What the dashboard shows of a visit, read from the OTLP receiver the AppHost's resources (and the page) export to:
/// one visit is one trace, the function's logs belong to their own invocation, the metrics only grow.
/// </summary>
[Collection(CloudResumeCollection.Name)]
public sealed class OneVisitOneTraceTests(CloudResumeApp app, BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string RuntimeApiPrefix = "/2018-06-01/runtime";

    [Fact]
    public async Task A_browser_visit_is_one_trace_from_the_pages_span_through_the_gateway_and_the_function_to_DynamoDB()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var (page, errors) = await BrowserSession.OpenAsync(context, app.SiteUrl);
        await SiteInBrowserTests.SettledCountAsync(page);

        var pageSpan = await app.Telemetry.WaitForSpanAsync(span => span.ServiceName == "site" && span.Kind == ActivityKind.Client, Wait);
        var gateway = await app.Telemetry.WaitForSpanAsync(span => span.TraceId == pageSpan.TraceId && span.ServiceName == "api" && span.Kind == ActivityKind.Server, Wait);
        var invocation = await app.Telemetry.WaitForSpanAsync(span => span.TraceId == pageSpan.TraceId && span.ServiceName == "counter" && span.Kind == ActivityKind.Server, Wait);
        var write = await app.Telemetry.WaitForSpanAsync(span => span.TraceId == pageSpan.TraceId && span.Name == "DynamoDB.UpdateItem", Wait);

        Assert.Equal(pageSpan.SpanId, gateway.ParentSpanId); // the gateway continues the page's traceparent
        Assert.Equal("POST /visits", gateway.Name);
        Assert.Equal("POST /visits", invocation.Name);
        Assert.Equal("counter", write.ServiceName);
        var trace = app.Telemetry.Spans.Where(span => span.TraceId == pageSpan.TraceId).ToList();
        Assert.Single(trace, span => span.ParentSpanId is null); // one root: the page's span
        BrowserSession.AssertNoErrors(errors);
    }

    [Fact]
    public async Task The_functions_log_records_arrive_over_OTLP_each_carrying_its_own_invocations_trace()
    {
        await VisitAsync(Enumerable.Repeat(AppHostTests.BrowserUserAgent, 3));

        // Each invocation's server span and the records written within it.
        await WaitForTelemetryAsync(() => HandledRecords().Count >= 3, "three 'Handled' log records from counter");
        var records = HandledRecords();
        var spans = app.Telemetry.Spans.Where(span => span.ServiceName == "counter" && span.Kind == ActivityKind.Server).ToDictionary(span => span.SpanId);

        Assert.All(records, record => Assert.Equal(9, record.SeverityNumber)); // Information
        Assert.Equal(records.Count, records.Select(record => record.TraceId).Distinct().Count());
        Assert.All(records, record =>
        {
            Assert.True(record.SpanId is not null && spans.TryGetValue(record.SpanId, out var span), $"a record of no invocation span: {record}");
            Assert.Equal(spans[record.SpanId!].TraceId, record.TraceId);
        });

        List<ReceivedLogRecord> HandledRecords() =>
            [.. app.Telemetry.LogRecords.Where(record => record.ServiceName == "counter" && record.Body.Contains("Handled", StringComparison.Ordinal))];
    }

    [Fact]
    public async Task No_trace_is_rooted_in_a_Runtime_API_call()
    {
        // Two in a row: the first invocation's response and the second one's long poll of /next have both ended
        // by the time the second visit's gateway span arrives, so their spans would have been exported by then.
        await VisitAsync(Enumerable.Repeat(AppHostTests.BrowserUserAgent, 2));
        await WaitForTelemetryAsync(() => app.Telemetry.Spans.Count(span => span.ServiceName == "api" && span.Name == "POST /visits") >= 2, "the gateway's spans of both visits");

        var runtimeApi = app.Telemetry.Spans.Where(span => span.Name.Contains(RuntimeApiPrefix, StringComparison.Ordinal)
            || span.Attributes.Values.Any(value => value.Contains(RuntimeApiPrefix, StringComparison.Ordinal))).ToList();
        Assert.True(runtimeApi.Count == 0, $"Runtime API spans: {string.Join("; ", runtimeApi.Take(5))}");
    }

    [Fact]
    public async Task The_visits_metric_never_goes_down_when_execution_environments_retire()
    {
        await VisitAsync(Enumerable.Range(140, 3).Select(ChromeOfVersion));
        await WaitForTelemetryAsync(() => Visits().Count > 0, "the visits metric");
        var beforeRetirement = Visits()[^1].Value;

        // Every execution environment retires (as an idle one does), and new ones count on.
        var runtime = app.App.GetEndpoint("api", "runtime");
        using var control = new HttpClient { BaseAddress = runtime };
        using var recycled = await control.PostAsJsonAsync(EmulatorPaths.RecycleEnvironments, new RecycleRequest(null), LocalSystemJsonContext.Default.RecycleRequest);
        recycled.EnsureSuccessStatusCode();
        await VisitAsync(Enumerable.Range(150, 3).Select(ChromeOfVersion));
        await WaitForTelemetryAsync(() => Visits()[^1].Value >= beforeRetirement + 3, "the visits metric to count the visits after the retirement");

        var points = Visits();
        Assert.All(points, point => Assert.True(point.IsMonotonic, $"{point.Name} is not a monotonic sum"));
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.True(pair.Second.Value >= pair.First.Value,
            $"visits went down: {pair.First.Value} -> {pair.Second.Value}"));

        // One series for the function, whichever environment counted: no per-environment series to choose from.
        List<ReceivedSumPoint> Visits() =>
            [.. app.Telemetry.SumPoints.Where(point => point.ServiceName == "counter" && point.Name == "visits").OrderBy(point => point.TimeUnixNano)];
    }

    /// <summary>One visit through the gateway per user agent, one after another; each must be answered 2xx.</summary>
    private async Task VisitAsync(IEnumerable<string> userAgents)
    {
        using var api = app.CreateApiClient();
        foreach (var userAgent in userAgents)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "/visits");
            post.Headers.UserAgent.ParseAdd(userAgent);
            using var answer = await api.SendAsync(post);
            answer.EnsureSuccessStatusCode();
        }
    }

    // Each ask decodes every export received so far: asked every 200 ms, not in a tight loop.
    private static Task WaitForTelemetryAsync(Func<bool> condition, string what) =>
        Eventually.WaitForAsync(condition, what, Wait, TimeSpan.FromMilliseconds(200));

    /// <summary>The suite's browser at another version: to the function, another visitor.</summary>
    private static string ChromeOfVersion(int version) => AppHostTests.BrowserUserAgent.Replace("Chrome/156.0", $"Chrome/{version}.0");
}

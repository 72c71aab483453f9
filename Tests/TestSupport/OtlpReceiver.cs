using System.Collections.Concurrent;
using CloudResume.Local.Http;

namespace CloudResume.Tests.Support;

/// <summary>
/// An OTLP/HTTP endpoint that keeps every body posted to /v1/traces, /v1/metrics and /v1/logs (protobuf; a browser's
/// JSON spans too, with CORS), raw and decoded: which service sent which span, metric point or log record.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<byte[]> _traces = new();
    private readonly ConcurrentQueue<byte[]> _metrics = new();
    private readonly ConcurrentQueue<byte[]> _logs = new();
    private readonly ConcurrentQueue<string> _jsonTraces = new();

    public OtlpReceiver() => _server = new LoopbackHttpServer(ReceiveAsync);

    public int Port => _server.Port;

    public string Endpoint => _server.Endpoint;

    /// <summary>Each trace export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Traces => _traces.ToArray();

    /// <summary>Each metrics export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Metrics => _metrics.ToArray();

    /// <summary>Each log export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Logs => _logs.ToArray();

    /// <summary>Every export body received so far: traces, metrics and logs.</summary>
    public IEnumerable<byte[]> All => [.. Traces, .. Metrics, .. Logs, .. JsonTraces.Select(Encoding.UTF8.GetBytes)];

    /// <summary>Each trace export sent as JSON (by a browser), as received.</summary>
    public IReadOnlyCollection<string> JsonTraces => _jsonTraces.ToArray();

    /// <summary>Every span received so far, protobuf and JSON, decoded (each call decodes the bodies afresh).</summary>
    public IReadOnlyList<ReceivedSpan> Spans => [.. Traces.SelectMany(OtlpExport.Spans), .. JsonTraces.SelectMany(OtlpExport.JsonSpans)];

    /// <summary>Every log record received so far, decoded.</summary>
    public IReadOnlyList<ReceivedLogRecord> LogRecords => [.. Logs.SelectMany(OtlpExport.LogRecords)];

    /// <summary>Every data point of every sum received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedSumPoint> SumPoints => [.. Metrics.SelectMany(OtlpExport.SumPoints)];

    /// <summary>The names of the metrics received so far, by the service that sent them.</summary>
    public ILookup<string, string> MetricNames =>
        Metrics.SelectMany(OtlpExport.Metrics).Distinct().ToLookup(metric => metric.ServiceName, metric => metric.Name);

    /// <summary>The first span matching <paramref name="match"/>, waiting for exporters' batches up to <paramref name="timeout"/>.</summary>
    public Task<ReceivedSpan> WaitForSpanAsync(Func<ReceivedSpan, bool> match, TimeSpan timeout) =>
        WaitForAsync(() => Spans, match, timeout);

    /// <summary>The metric <paramref name="name"/> from <paramref name="serviceName"/>, waiting up to <paramref name="timeout"/>.</summary>
    public Task<ReceivedMetric> WaitForMetricAsync(string serviceName, string name, TimeSpan timeout) =>
        WaitForAsync(() => Metrics.SelectMany(OtlpExport.Metrics), metric => metric == new ReceivedMetric(serviceName, name), timeout);

    private static async Task<T> WaitForAsync<T>(Func<IEnumerable<T>> received, Func<T, bool> match, TimeSpan timeout)
    {
        var giveUp = DateTime.UtcNow + timeout;
        while (true)
        {
            var all = received().ToList();
            if (all.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Nothing matching within {timeout}; received:\n{string.Join('\n', all.Distinct())}");
            }
            await Task.Delay(200);
        }
    }

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        // A page sends its spans cross-origin, as a collector configured for browsers allows.
        context.Response.AddHeader("Access-Control-Allow-Origin", context.Request.Headers["Origin"] ?? "*");
        if (context.Request.HttpMethod == "OPTIONS")
        {
            context.Response.AddHeader("Access-Control-Allow-Methods", "POST");
            context.Response.AddHeader("Access-Control-Allow-Headers", context.Request.Headers["Access-Control-Request-Headers"] ?? "content-type");
            context.Response.StatusCode = 204;
            context.Response.Close();
            return;
        }
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var json = context.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        switch (context.Request.Url!.AbsolutePath)
        {
            case "/v1/traces" when json: _jsonTraces.Enqueue(Encoding.UTF8.GetString(body.ToArray())); break;
            case "/v1/traces": _traces.Enqueue(body.ToArray()); break;
            case "/v1/metrics": _metrics.Enqueue(body.ToArray()); break;
            case "/v1/logs": _logs.Enqueue(body.ToArray()); break;
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
        context.Response.Close();
    }

    public void Dispose() => _server.Dispose();
}

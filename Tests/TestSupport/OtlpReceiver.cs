using System.Collections.Concurrent;
using System.Net;
using CloudResume.Local.Processes;

namespace CloudResume.Tests.Support;

/// <summary>
/// An OTLP/HTTP endpoint (protobuf) that keeps every body posted to /v1/traces, /v1/metrics and /v1/logs, raw and
/// decoded: which service sent which span (ids, parent, name, kind, attributes) and which metric.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<byte[]> _traces = new();
    private readonly ConcurrentQueue<byte[]> _metrics = new();
    private readonly ConcurrentQueue<byte[]> _logs = new();

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>Each trace export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Traces => _traces.ToArray();

    /// <summary>Each metrics export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Metrics => _metrics.ToArray();

    /// <summary>Each log export's protobuf body, as received.</summary>
    public IReadOnlyCollection<byte[]> Logs => _logs.ToArray();

    /// <summary>Every export body received so far: traces, metrics and logs.</summary>
    public IEnumerable<byte[]> All => [.. Traces, .. Metrics, .. Logs];

    /// <summary>Every span received so far, decoded (each call decodes the bodies afresh).</summary>
    public IReadOnlyList<ReceivedSpan> Spans => [.. Traces.SelectMany(OtlpExport.Spans)];

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

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/v1/traces": _traces.Enqueue(body.ToArray()); break;
                case "/v1/metrics": _metrics.Enqueue(body.ToArray()); break;
                case "/v1/logs": _logs.Enqueue(body.ToArray()); break;
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

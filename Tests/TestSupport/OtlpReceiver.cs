using System.Collections.Concurrent;
using System.Net;
using CloudResume.Local.Processes;
namespace CloudResume.Tests.Support;

/// <summary>
/// An OTLP/HTTP endpoint that keeps the raw protobuf bodies posted to /v1/traces and /v1/metrics. Span,
/// metric and service names are plain UTF-8 inside the protobuf, so tests look for them without a decoder.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<byte[]> _traces = new();
    private readonly ConcurrentQueue<byte[]> _metrics = new();

    public OtlpReceiver()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyCollection<byte[]> Traces => _traces.ToArray();

    public IReadOnlyCollection<byte[]> Metrics => _metrics.ToArray();

    /// <summary>Each trace export as text, for looking up names.</summary>
    public IEnumerable<string> TraceTexts => Traces.Select(System.Text.Encoding.UTF8.GetString);

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

using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CloudResume.Tests.System;

/// <summary>
/// A minimal OTLP/HTTP endpoint standing in for the dashboard's: it keeps each export's raw protobuf
/// body. Span names and service names are plain UTF-8 strings inside the protobuf, so a test can look
/// for them without a protobuf decoder.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

    public OtlpReceiver(int port)
    {
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    public IEnumerable<string> TraceExports => Exports("/v1/traces");

    private IEnumerable<string> Exports(string path) =>
        _exports.Where(e => e.Path == path).Select(e => Encoding.UTF8.GetString(e.Body));

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

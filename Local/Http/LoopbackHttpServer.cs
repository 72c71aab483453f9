using CloudResume.Local.Processes;

namespace CloudResume.Local.Http;

/// <summary>
/// A small HTTP server on a free 127.0.0.1 port for local stand-ins (a telemetry collector, a counting proxy): each
/// request goes to the handler on a task of its own, so a slow answer never holds up the next request.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"{Endpoint}/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    private async Task AcceptAsync()
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
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await _handle(context);
        }
        catch (Exception)
        {
            // A stand-in that failed drops the connection: the caller sees an error, never a hang.
            context.Response.Abort();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}

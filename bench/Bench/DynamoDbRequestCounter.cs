using System.Collections.Concurrent;

namespace CloudResume.Bench;

/// <summary>
/// A counting pass-through in front of dynalite: how many DynamoDB requests, of which action
/// (X-Amz-Target), one POST /visits costs. Used in a separate pass so it never slows the timed runs.
/// </summary>
public sealed class DynamoDbRequestCounter : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly ConcurrentDictionary<string, int> _byAction = new(StringComparer.Ordinal);

    public DynamoDbRequestCounter(int dynalitePort)
    {
        Port = FreePort.Next();
        _target = new Uri($"http://127.0.0.1:{dynalitePort}/");
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public IReadOnlyDictionary<string, int> ByAction => _byAction;

    public void Reset() => _byAction.Clear();

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
            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var action = (context.Request.Headers["X-Amz-Target"] ?? "?").Split('.').Last();
        _byAction.AddOrUpdate(action, 1, (_, n) => n + 1);
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body.ToArray()) };
        foreach (var name in context.Request.Headers.AllKeys.OfType<string>())
        {
            if (name.StartsWith("X-Amz", StringComparison.OrdinalIgnoreCase) || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.TryAddWithoutValidation(name, context.Request.Headers[name]);
            }
        }
        request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        using var answer = await _upstream.SendAsync(request);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        context.Response.StatusCode = (int)answer.StatusCode;
        context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        _listener.Close();
        _upstream.Dispose();
    }
}

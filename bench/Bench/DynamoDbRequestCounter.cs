using System.Collections.Concurrent;
using CloudResume.Local.Http;

namespace CloudResume.Bench;

/// <summary>
/// A counting pass-through in front of dynalite: how many DynamoDB requests, of which action
/// (X-Amz-Target), one POST /visits costs. Used in a separate pass so it never slows the timed runs.
/// </summary>
public sealed class DynamoDbRequestCounter : IDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly HttpClient _upstream = new();
    private readonly Uri _target;
    private readonly ConcurrentDictionary<string, int> _byAction = new(StringComparer.Ordinal);

    public DynamoDbRequestCounter(int dynalitePort)
    {
        _target = new Uri($"http://127.0.0.1:{dynalitePort}/");
        _server = new LoopbackHttpServer(ForwardAsync);
    }

    public int Port => _server.Port;

    public IReadOnlyDictionary<string, int> ByAction => _byAction;

    public void Reset() => _byAction.Clear();

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
        _server.Dispose();
        _upstream.Dispose();
    }
}

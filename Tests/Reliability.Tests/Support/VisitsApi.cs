using System.Net.Sockets;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>A browser's view of the API: POST /visits counts, GET /visits reads, through the gateway port.</summary>
public sealed class VisitsApi : IDisposable
{
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    private readonly HttpClient _http;

    /// <param name="userAgent">Who the caller says it is. Default: a desktop Firefox.</param>
    /// <param name="sourceAddress">
    /// The loopback address the caller connects from (127.0.0.0/8 all reaches this machine), so tests can play visitors
    /// from different addresses. Default: the system's choice (127.0.0.1).
    /// </param>
    /// <param name="headers">More headers sent with every request (a cookie, credentials).</param>
    public VisitsApi(int gatewayPort, string userAgent = BrowserUserAgent, IPAddress? sourceAddress = null, params (string Name, string Value)[] headers)
    {
        // Enough pooled connections for 64 concurrent callers; generous timeout: the gateway answers by 5 s.
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256 };
        if (sourceAddress is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(sourceAddress, context.DnsEndPoint, cancellationToken);
        }
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        foreach (var (name, value) in headers)
        {
            _http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        }
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint target, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(IPAddress.Parse(target.Host), target.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<VisitAnswer> PostVisitAsync()
    {
        using var response = await _http.PostAsync("/visits", content: null);
        return await VisitAnswer.ReadAsync(response);
    }

    public async Task<VisitAnswer> GetVisitsAsync()
    {
        using var response = await _http.GetAsync("/visits");
        return await VisitAnswer.ReadAsync(response);
    }

    /// <summary>The current view count; fails the test if the API cannot say.</summary>
    public async Task<long> GetViewsAsync()
    {
        var answer = await GetVisitsAsync();
        Assert.True(answer.IsOk, $"GET /visits: {answer}");
        return answer.Views!.Value;
    }

    public void Dispose() => _http.Dispose();
}

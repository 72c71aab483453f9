namespace CloudResume.Tests.Reliability.Support;

/// <summary>A browser's view of the API: POST /visits counts, GET /visits reads, through the gateway port.</summary>
public sealed class VisitsApi : IDisposable
{
    public const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    private readonly HttpClient _http;

    public VisitsApi(int gatewayPort)
    {
        // Enough pooled connections for 64 concurrent callers; generous timeout: the gateway answers by 5 s.
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{gatewayPort}"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
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

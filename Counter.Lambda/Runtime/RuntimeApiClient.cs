using System.Net.Http.Headers;
using CloudResume.Contracts;
using CloudResume.Contracts.RuntimeApi;

namespace CloudResume.Counter.Runtime;

/// <summary>
/// The function's side of the Lambda Runtime API (2018-06-01): a long-poll for the next event and
/// three POSTs. One long-lived HttpClient; no timeout, because /next blocks until an event arrives.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new(RuntimeApiProtocol.ErrorContentType);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
        : this(runtimeApi, new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        })
    {
    }

    /// <summary>Over another transport (unit tests look at the requests themselves).</summary>
    internal RuntimeApiClient(string runtimeApi, HttpMessageHandler handler)
    {
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<InvocationRequest> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(RuntimeApiProtocol.Next, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var requestId = Header(response, RuntimeApiProtocol.RequestIdHeader)
            ?? throw new InvalidOperationException($"Runtime API answered /next without {RuntimeApiProtocol.RequestIdHeader}.");
        var deadline = long.TryParse(Header(response, RuntimeApiProtocol.DeadlineHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddSeconds(3); // Lambda's default timeout; the header is always present in AWS.
        var context = new InvocationContext(
            requestId,
            deadline,
            Header(response, RuntimeApiProtocol.FunctionArnHeader),
            Header(response, RuntimeApiProtocol.TraceIdHeader));
        return new InvocationRequest(context, payload);
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        return PostAsync(RuntimeApiProtocol.Response(requestId), content, null, cancellationToken);
    }

    public Task PostErrorAsync(string requestId, LambdaError error, CancellationToken cancellationToken) =>
        PostAsync(RuntimeApiProtocol.Error(requestId), ErrorContent(error), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(LambdaError error, CancellationToken cancellationToken) =>
        PostAsync(RuntimeApiProtocol.InitError, ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(LambdaError error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, ContractsJsonContext.Default.LambdaError));
        content.Headers.ContentType = ErrorContentType;
        return content;
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiProtocol.ErrorTypeHeader, errorType);
        }
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException($"Runtime API {path} answered {(int)response.StatusCode}: {detail}", null, response.StatusCode);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CloudResume.Counter.Json;

namespace CloudResume.Counter.Runtime;

/// <summary>
/// The function's side of the Lambda Runtime API (2018-06-01): a long-poll for the next event and
/// three POSTs. One long-lived HttpClient; no timeout, because /next blocks until an event arrives.
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private static readonly MediaTypeHeaderValue ErrorContentType = new("application/vnd.aws.lambda.error+json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;

    public RuntimeApiClient(string runtimeApi)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{runtimeApi}/2018-06-01/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new InvalidOperationException("Runtime API answered /next without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.UtcNow.AddSeconds(3); // Lambda's default timeout; the header is always present in AWS.
        var context = new InvocationContext(
            requestId,
            deadline,
            Header(response, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(response, "Lambda-Runtime-Trace-Id"));
        return new Invocation(context, payload);
    }

    public Task PostResponseAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonContentType;
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", content, null, cancellationToken);
    }

    public Task PostErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public Task PostInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(RuntimeError error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, CounterJsonContext.Default.RuntimeError));
        content.Headers.ContentType = ErrorContentType;
        return content;
    }

    private async Task PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
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

using System.Net.Http.Headers;

namespace CloudResume.Local.Function;

/// <summary>
/// Lambda's Invoke API (<c>POST /2015-03-31/functions/{name}/invocations</c>), as <c>aws lambda invoke</c>
/// calls it: the payload in, the function's raw result out — an answer or Lambda's error document.
/// </summary>
public sealed class LambdaInvokeClient(Uri endpoint, string functionName) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = endpoint, Timeout = TimeSpan.FromMinutes(3) };

    /// <param name="traceParent">A W3C <c>traceparent</c> the invocation continues.</param>
    public async Task<LambdaInvokeResult> InvokeAsync(string payload, string? traceParent = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }
        using var response = await _http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var functionError = response.Headers.TryGetValues("X-Amz-Function-Error", out var values) ? values.FirstOrDefault() : null;
        return new LambdaInvokeResult((int)response.StatusCode, functionError, body);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What the Invoke API answered: 200 with the function's result, or with <see cref="FunctionError"/> and Lambda's error document.</summary>
public sealed record LambdaInvokeResult(int StatusCode, string? FunctionError, string Payload)
{
    public bool IsFunctionError => FunctionError is not null;
}

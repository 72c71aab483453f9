using System.Net.Http.Headers;

namespace CloudResume.Tests.Emulator.Support;

/// <summary>The test itself acting as an external Lambda runtime on the emulator's shared Runtime API.</summary>
public sealed class TestRuntime(Uri runtimeApi) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = new Uri(runtimeApi, "/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };

    public sealed record Event(string RequestId, HttpResponseMessage Response, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;
        public string Header(string name) => Response.Headers.GetValues(name).Single();
    }

    public async Task<Event> NextAsync(CancellationToken cancellationToken = default)
    {
        var response = await _client.GetAsync("invocation/next", cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return new Event(response.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single(), response, body);
    }

    public Task<HttpResponseMessage> RespondAsync(string requestId, string json) =>
        _client.PostAsync($"invocation/{requestId}/response", new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> RespondAsync(string requestId, byte[] body) =>
        _client.PostAsync($"invocation/{requestId}/response", new ByteArrayContent(body));

    public Task<HttpResponseMessage> ErrorAsync(string requestId, string errorType, string message) =>
        _client.SendAsync(ErrorRequest($"invocation/{requestId}/error", errorType, message));

    public Task<HttpResponseMessage> InitErrorAsync(string errorType, string message) =>
        _client.SendAsync(ErrorRequest("init/error", errorType, message));

    private static HttpRequestMessage ErrorRequest(string path, string errorType, string message)
    {
        var content = new StringContent($$"""{"errorMessage":"{{message}}","errorType":"{{errorType}}","stackTrace":[]}""");
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.aws.lambda.error+json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        return request;
    }

    public void Dispose() => _client.Dispose();
}

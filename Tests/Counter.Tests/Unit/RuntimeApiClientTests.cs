using CloudResume.Contracts.RuntimeApi;

namespace CloudResume.Tests.Counter.Unit;

/// <summary>What the function sends the Runtime API, byte for byte where AWS specifies it (aws-reference/lambda-runtime-api.yaml).</summary>
public class RuntimeApiClientTests
{
    /// <summary>Records each request and answers 202 {"status":"OK"}.</summary>
    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{\"status\":\"OK\"}") };
        }
    }

    [Fact]
    public async Task An_invocation_error_names_its_type_in_the_header_and_the_body_with_the_error_content_type()
    {
        var handler = new RecordingHandler();
        using var client = new RuntimeApiClient("127.0.0.1:9001", handler);

        await client.PostErrorAsync("req-1", new LambdaError("boom", "Runtime.MalformedEvent", []), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:9001/2018-06-01/runtime/invocation/req-1/error", request.RequestUri!.ToString());
        Assert.Equal("Runtime.MalformedEvent", request.Headers.GetValues(RuntimeApiProtocol.ErrorTypeHeader).Single());
        Assert.Equal(RuntimeApiProtocol.ErrorContentType, request.Content!.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal("boom", json.GetProperty("errorMessage").GetString());
        Assert.Equal("Runtime.MalformedEvent", json.GetProperty("errorType").GetString());
        Assert.Equal(0, json.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public async Task An_init_error_goes_to_init_error_with_the_same_shape()
    {
        var handler = new RecordingHandler();
        using var client = new RuntimeApiClient("127.0.0.1:9001", handler);

        await client.PostInitErrorAsync(new LambdaError("TABLE_NAME is not set.", "Runtime.InvalidConfiguration", []), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("/2018-06-01/runtime/init/error", request.RequestUri!.AbsolutePath);
        Assert.Equal("Runtime.InvalidConfiguration", request.Headers.GetValues(RuntimeApiProtocol.ErrorTypeHeader).Single());
        Assert.Equal(RuntimeApiProtocol.ErrorContentType, request.Content!.Headers.ContentType!.MediaType);
        Assert.Contains("\"errorType\":\"Runtime.InvalidConfiguration\"", body);
    }

    [Fact]
    public async Task A_response_is_json_to_the_invocations_response_path()
    {
        var handler = new RecordingHandler();
        using var client = new RuntimeApiClient("127.0.0.1:9001", handler);

        await client.PostResponseAsync("a/b", "{\"statusCode\":200}"u8.ToArray(), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("/2018-06-01/runtime/invocation/a%2Fb/response", request.RequestUri!.AbsolutePath);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("{\"statusCode\":200}", body);
    }
}

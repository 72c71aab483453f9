using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using CloudResume.Contracts.HttpApi;

namespace CloudResume.Tests.Counter.Unit;

public class VisitsHandlerTests
{
    private readonly FakeVisitCounter _counter = new();

    private async Task<HttpApiResponse> Handle(HttpApiRequest request, CancellationToken token = default) =>
        (await new VisitsHandler(_counter, TimeProvider.System).HandleAsync(request, "req-1", token)).Response;

    private static string? Header(HttpApiResponse response, string name) => response.Headers?.GetValueOrDefault(name);

    private static JsonElement Json(HttpApiResponse response) => JsonDocument.Parse(response.Body!).RootElement;

    private static string Message(HttpApiResponse response) => Json(response).GetProperty("message").GetString()!;

    /// <summary>Answered 200: its JSON body.</summary>
    private static JsonElement OkJson(HttpApiResponse response)
    {
        Assert.Equal(200, response.StatusCode);
        return Json(response);
    }

    private Task<HttpApiResponse> HandleWithDays(string method, string days) => Handle(ApiEvents.Request(method, query: ApiEvents.Days(days)));

    /// <summary>Refused with <paramref name="status"/> before anything was counted.</summary>
    private void AssertRefusedUncounted(int status, HttpApiResponse response)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Empty(_counter.Counted);
    }

    /// <summary>The limit is inclusive: a request at it is counted, one over it refused with <paramref name="status"/> and not counted.</summary>
    private async Task AssertLimitAdmitsUpTo(HttpApiRequest atLimit, HttpApiRequest overLimit, int status)
    {
        Assert.Equal(200, (await Handle(atLimit)).StatusCode);
        Assert.Equal(status, (await Handle(overLimit)).StatusCode);
        Assert.Single(_counter.Counted);
    }

    /// <summary>DynamoDB unavailable: a JSON 503 that invites the page to retry in a second.</summary>
    private static void AssertRetryableUnavailable(HttpApiResponse response)
    {
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", Header(response, "retry-after"));
        Assert.Equal("application/json", Header(response, "content-type"));
        Assert.NotEmpty(Message(response));
    }

    [Fact]
    public async Task Post_counts_and_answers_views_and_visitors_as_json()
    {
        var response = await Handle(ApiEvents.Request("POST"));

        var body = OkJson(response);
        Assert.Equal("application/json", Header(response, "content-type"));
        Assert.Equal("no-store", Header(response, "cache-control"));
        Assert.Equal(11, body.GetProperty("views").GetInt64());
        Assert.Equal(5, body.GetProperty("visitors").GetInt64());
        Assert.False(body.TryGetProperty("daily", out _));
        Assert.Equal([("203.0.113.7", ApiEvents.Browser)], _counter.Counted);
    }

    [Fact]
    public async Task Get_reads_without_counting()
    {
        var response = await Handle(ApiEvents.Request("GET"));

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(_counter.Counted);
        Assert.Equal([0], _counter.Reads);
    }

    [Fact]
    public async Task No_cors_headers_come_from_the_function()
    {
        var response = await Handle(ApiEvents.Request("POST"));
        Assert.NotNull(response.Headers);
        Assert.DoesNotContain(response.Headers.Keys, k => k.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("GET", "/")]
    [InlineData("POST", "/visit")]
    [InlineData("GET", "/visits/42")]
    public async Task Unknown_path_is_404_json(string method, string path)
    {
        var response = await Handle(ApiEvents.Request(method, path));

        AssertRefusedUncounted(404, response);
        Assert.Equal("application/json", Header(response, "content-type"));
        Assert.Equal("Not Found", Message(response));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Wrong_method_is_405_with_allow(string method)
    {
        var response = await Handle(ApiEvents.Request(method));

        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, POST", Header(response, "allow"));
        Assert.Equal("Method Not Allowed", Message(response));
    }

    [Fact]
    public async Task Trailing_slash_reaches_the_same_route()
    {
        var response = await Handle(ApiEvents.Request("POST", "/visits/"));
        Assert.Equal(200, response.StatusCode);
        Assert.Single(_counter.Counted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Post_without_user_agent_is_400_and_not_counted(string? userAgent)
    {
        var response = await Handle(ApiEvents.Request("POST", userAgent: userAgent));

        AssertRefusedUncounted(400, response);
        Assert.Contains("User-Agent", Message(response));
    }

    [Fact]
    public async Task Post_with_user_agent_over_512_chars_is_400()
    {
        var browser512 = ApiEvents.Browser + new string('a', 512 - ApiEvents.Browser.Length);

        await AssertLimitAdmitsUpTo(ApiEvents.Request("POST", userAgent: browser512), ApiEvents.Request("POST", userAgent: browser512 + "a"), 400);
    }

    [Fact]
    public async Task Get_without_user_agent_is_fine()
    {
        Assert.Equal(200, (await Handle(ApiEvents.Request("GET", userAgent: null))).StatusCode);
    }

    [Fact]
    public async Task Bot_gets_the_counts_without_being_counted()
    {
        var response = await Handle(ApiEvents.Request("POST", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"));

        Assert.Equal(10, OkJson(response).GetProperty("views").GetInt64());
        Assert.Empty(_counter.Counted);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"page\":\"/resume\"}")]
    [InlineData("  ")]
    public async Task Post_accepts_empty_or_json_object_body(string body)
    {
        Assert.Equal(200, (await Handle(ApiEvents.Request("POST", body: body))).StatusCode);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{\"a\":")]
    [InlineData("{} {}")]
    [InlineData("hello")]
    public async Task Post_with_a_body_that_is_not_a_json_object_is_400(string body)
    {
        AssertRefusedUncounted(400, await Handle(ApiEvents.Request("POST", body: body)));
    }

    [Fact]
    public async Task Post_with_a_json_object_holding_invalid_utf8_is_400_and_not_counted()
    {
        // {"a":"\xff\xfe"} sent as binary: the gateway passes it base64-encoded.
        byte[] body = [.. "{\"a\":\""u8, 0xFF, 0xFE, .. "\"}"u8];

        AssertRefusedUncounted(400, await Handle(ApiEvents.Request("POST", body: Convert.ToBase64String(body), base64: true)));
    }

    [Fact]
    public async Task Post_body_over_1_KiB_is_413()
    {
        var exactly1KiB = "{\"p\":\"" + new string('x', 1024 - 8) + "\"}";
        Assert.Equal(1024, exactly1KiB.Length);
        var over1KiB = "{\"p\":\"" + new string('x', 1024) + "\"}";

        await AssertLimitAdmitsUpTo(ApiEvents.Request("POST", body: exactly1KiB), ApiEvents.Request("POST", body: over1KiB), 413);
    }

    [Fact]
    public async Task Base64_body_is_decoded_before_validation()
    {
        var ok = await Handle(ApiEvents.Request("POST", body: Convert.ToBase64String("{}"u8.ToArray()), base64: true));
        var notObject = await Handle(ApiEvents.Request("POST", body: Convert.ToBase64String("[1]"u8.ToArray()), base64: true));

        Assert.Equal(200, ok.StatusCode);
        Assert.Equal(400, notObject.StatusCode);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("30")]
    [InlineData("90")]
    public async Task Get_with_valid_days_adds_the_series(string days)
    {
        var response = await HandleWithDays("GET", days);

        Assert.Equal(int.Parse(days), OkJson(response).GetProperty("daily").GetArrayLength());
    }

    [Fact]
    public async Task Post_with_days_counts_once_and_answers_the_series_from_the_count_itself()
    {
        var body = OkJson(await HandleWithDays("POST", "30"));

        Assert.Equal(11, body.GetProperty("views").GetInt64());
        Assert.Equal(30, body.GetProperty("daily").GetArrayLength());
        Assert.Single(_counter.Counted);
        Assert.Equal([30], _counter.CountedWithDays);
        Assert.Empty(_counter.Reads); // no separate read: the counting write answers the series
    }

    [Theory]
    [InlineData("0")]
    [InlineData("abc")]
    public async Task Post_with_invalid_days_is_400_and_not_counted(string days)
    {
        AssertRefusedUncounted(400, await HandleWithDays("POST", days));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("")]
    [InlineData("7,8")]
    public async Task Get_with_invalid_days_is_400(string days)
    {
        var response = await HandleWithDays("GET", days);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("days", Message(response));
        Assert.Empty(_counter.Reads);
    }

    public static TheoryData<Exception> Unavailable() =>
    [
        new ProvisionedThroughputExceededException("slow down"),
        new RequestLimitExceededException("account limit"),
        new AmazonDynamoDBException("throttled") { ErrorCode = "ThrottlingException", StatusCode = HttpStatusCode.BadRequest },
        new AmazonDynamoDBException("internal") { StatusCode = HttpStatusCode.InternalServerError },
        new HttpRequestException("Connection refused", new SocketException((int)SocketError.ConnectionRefused)),
        new TaskCanceledException("timeout", new TimeoutException()),
    ];

    [Theory]
    [MemberData(nameof(Unavailable))]
    public async Task Throttled_or_unreachable_dynamodb_is_503_with_retry_after(Exception failure)
    {
        _counter.Failure = () => failure;

        var post = await Handle(ApiEvents.Request("POST"));
        var get = await Handle(ApiEvents.Request("GET"));

        AssertRetryableUnavailable(post);
        AssertRetryableUnavailable(get);
    }

    [Fact]
    public async Task Deadline_reached_is_503_with_retry_after()
    {
        _counter.HangUntilCancelled = true;
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var response = await Handle(ApiEvents.Request("POST"), deadline.Token);

        AssertRetryableUnavailable(response);
    }

    [Fact]
    public async Task Unexpected_failure_propagates_for_the_runtime_to_report()
    {
        _counter.Failure = () => new ResourceNotFoundException("no such table");
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => Handle(ApiEvents.Request("POST")));
    }
}

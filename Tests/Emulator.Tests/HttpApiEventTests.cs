namespace CloudResume.Tests.Emulator;

/// <summary>The payload 2.0 event the function receives, compared with AWS's own sample.</summary>
[Collection(ManagedEmulatorCollection.Name)]
public sealed class HttpApiEventTests(ManagedEmulatorFixture fixture)
{
    private async Task<JsonNode> EchoAsync(HttpRequestMessage request)
    {
        using var response = await fixture.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }


    [Fact]
    public async Task Event_has_every_field_of_the_AWS_payload_2_0_sample_with_the_same_types()
    {
        var echo = await EchoAsync(fixture.Request(HttpMethod.Get, "/visits"));
        var actual = echo["event"]!.AsObject();
        var sample = LoadSample();

        // Field by field: every key of AWS's event (but the mTLS "authentication" block, absent without
        // a client certificate) is present with the same JSON type; nothing extra at the top level.
        AssertSameShape(sample, actual, "$");
        Assert.Equal(sample.Select(p => p.Key).Order(), actual.Select(p => p.Key).Order());

        Assert.Equal("2.0", (string?)actual["version"]);
        Assert.Equal("GET /visits", (string?)actual["routeKey"]);
        Assert.Equal("/visits", (string?)actual["rawPath"]);
        Assert.Equal("", (string?)actual["rawQueryString"]);
        Assert.False((bool)actual["isBase64Encoded"]!);
        var context = actual["requestContext"]!;
        Assert.Equal("$default", (string?)context["stage"]);
        Assert.Equal("GET /visits", (string?)context["routeKey"]);
        Assert.Equal("GET", (string?)context["http"]!["method"]);
        Assert.Equal("/visits", (string?)context["http"]!["path"]);
        Assert.Equal("HTTP/1.1", (string?)context["http"]!["protocol"]);
        Assert.Equal("127.0.0.1", (string?)context["http"]!["sourceIp"]);
        Assert.Matches(@"^\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000$", (string?)context["time"]);
        Assert.InRange((long)context["timeEpoch"]!, DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeMilliseconds(), DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.Matches("^[A-Za-z0-9+/=]{16}$", (string?)context["requestId"]);
        var headers = actual["headers"]!;
        Assert.Equal("0", (string?)headers["content-length"]);
        Assert.Equal("127.0.0.1", (string?)headers["x-forwarded-for"]);
        Assert.Equal($"{fixture.Emulator.GatewayPort}", (string?)headers["x-forwarded-port"]);
        Assert.Equal("http", (string?)headers["x-forwarded-proto"]);
        Assert.Equal($"127.0.0.1:{fixture.Emulator.GatewayPort}", (string?)headers["host"]);
        Assert.Matches("^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$", (string?)headers["x-amzn-trace-id"]);
        // Absent, not null, when the request has none (as in the sample).
        Assert.False(actual.ContainsKey("cookies"));
        Assert.False(actual.ContainsKey("queryStringParameters"));
        Assert.False(actual.ContainsKey("pathParameters"));
        Assert.False(actual.ContainsKey("body"));
    }

    private static JsonObject LoadSample()
    {
        var sample = JsonNode.Parse(File.ReadAllText(AwsSample.HttpApiEventPath))!.AsObject();
        sample["requestContext"]!.AsObject().Remove("authentication");
        return sample;
    }

    private static void AssertSameShape(JsonNode expected, JsonNode actual, string path)
    {
        Assert.True(expected.GetValueKind() == actual.GetValueKind(), $"{path}: {expected.GetValueKind()} expected, {actual.GetValueKind()} found");
        if (expected is JsonObject expectedObject && path != "$.headers")
        {
            foreach (var (key, value) in expectedObject)
            {
                Assert.True(actual.AsObject().TryGetPropertyValue(key, out var found) && found is not null, $"{path}.{key} is missing");
                AssertSameShape(value!, found!, $"{path}.{key}");
            }
        }
        if (path == "$.headers")
        {
            foreach (var (key, _) in expected.AsObject())
            {
                if (key is "accept" or "user-agent") continue;
                Assert.True(actual.AsObject().ContainsKey(key), $"header {key} is missing");
            }
        }
    }

    [Fact]
    public async Task Cookies_query_parameters_and_repeated_headers_are_mapped_like_API_Gateway()
    {
        var request = fixture.Request(HttpMethod.Get, "/visits?mode=echo&a=1&a=2&b=x%20y&flag",
            ("Cookie", "theme=dark; session=abc"), ("X-Forwarded-For", "203.0.113.9"));
        var evt = (await EchoAsync(request))["event"]!;

        Assert.Equal("mode=echo&a=1&a=2&b=x%20y&flag", (string?)evt["rawQueryString"]);
        Assert.Equal("1,2", (string?)evt["queryStringParameters"]!["a"]);
        Assert.Equal("x y", (string?)evt["queryStringParameters"]!["b"]);
        Assert.Equal("", (string?)evt["queryStringParameters"]!["flag"]);
        Assert.Equal(["theme=dark", "session=abc"], evt["cookies"]!.AsArray().Select(c => (string)c!));
        Assert.False(evt["headers"]!.AsObject().ContainsKey("cookie"));
        Assert.Equal("203.0.113.9, 127.0.0.1", (string?)evt["headers"]!["x-forwarded-for"]);
        Assert.All(evt["headers"]!.AsObject(), h => Assert.Equal(h.Key.ToLowerInvariant(), h.Key));
    }

    [Fact]
    public async Task Repeated_headers_are_comma_joined()
    {
        // Two header lines of the same name (HttpClient would fold them into one line itself).
        var answer = await RawHttp.SendAsync(fixture.Emulator.GatewayPort,
            "GET /visits HTTP/1.1\r\nHost: x\r\nX-Repeated: one\r\nX-Repeated: two\r\nConnection: close\r\n\r\n");
        var evt = JsonNode.Parse(answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..])!["event"]!;
        Assert.Equal("one,two", (string?)evt["headers"]!["x-repeated"]);
    }

    [Fact]
    public async Task Json_body_is_passed_as_text()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, fixture.Url("/visits"))
        {
            Content = new StringContent("""{"page":"/"}""", Encoding.UTF8, "application/json"),
        };
        var evt = (await EchoAsync(request))["event"]!;
        Assert.Equal("""{"page":"/"}""", (string?)evt["body"]);
        Assert.False((bool)evt["isBase64Encoded"]!);
        Assert.Equal("12", (string?)evt["headers"]!["content-length"]);
        Assert.Equal("POST /visits", (string?)evt["routeKey"]);
    }

    [Theory]
    [InlineData("application/octet-stream")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Non_text_body_is_base64_encoded(string contentType)
    {
        var bytes = new byte[] { 0x61, 0x3d, 0x31, 0xff };
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        var evt = (await EchoAsync(new HttpRequestMessage(HttpMethod.Post, fixture.Url("/visits")) { Content = content }))["event"]!;
        Assert.True((bool)evt["isBase64Encoded"]!);
        Assert.Equal(Convert.ToBase64String(bytes), (string?)evt["body"]);
    }

    [Fact]
    public async Task Runtime_trace_header_continues_the_callers_W3C_trace()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var request = fixture.Request(HttpMethod.Get, "/visits", ("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));
        var echo = await EchoAsync(request);
        var header = (string?)echo["invocation"]!["Lambda-Runtime-Trace-Id"];
        Assert.Matches($"^Root=1-{traceId[..8]}-{traceId[8..]};Parent=[0-9a-f]{{16}};Sampled=1$", header);
        Assert.Equal($"Root=1-{traceId[..8]}-{traceId[8..]}", (string?)echo["event"]!["headers"]!["x-amzn-trace-id"]);
    }

    [Fact]
    public async Task Next_carries_request_id_deadline_and_function_arn()
    {
        var before = DateTimeOffset.UtcNow;
        var invocation = (await EchoAsync(fixture.Request(HttpMethod.Get, "/visits")))["invocation"]!;
        Assert.True(Guid.TryParse((string?)invocation["Lambda-Runtime-Aws-Request-Id"], out _));
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)invocation["Lambda-Runtime-Deadline-Ms"]!));
        Assert.InRange(deadline, before.AddSeconds(4), before.AddSeconds(6)); // Timeout: 5 in the template
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:cloudresume-counter", (string?)invocation["Lambda-Runtime-Invoked-Function-Arn"]);
    }

    [Fact]
    public async Task Managed_environment_gets_Lambdas_environment_variables()
    {
        var env = (await EchoAsync(fixture.Request(HttpMethod.Get, "/visits")))["env"]!;
        Assert.Matches(@"^127\.0\.0\.1:\d+$", (string?)env["AWS_LAMBDA_RUNTIME_API"]);
        Assert.NotEqual($"127.0.0.1:{fixture.Emulator.RuntimePort}", (string?)env["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("bootstrap", (string?)env["_HANDLER"]);
        Assert.Equal("us-east-1", (string?)env["AWS_REGION"]);
        Assert.Equal("us-east-1", (string?)env["AWS_DEFAULT_REGION"]);
        Assert.Equal("cloudresume-counter", (string?)env["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("256", (string?)env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("$LATEST", (string?)env["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("/aws/lambda/cloudresume-counter", (string?)env["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Contains("[$LATEST]", (string?)env["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("UTC", (string?)env["TZ"]);
        Assert.False(string.IsNullOrEmpty((string?)env["LAMBDA_TASK_ROOT"]));
        Assert.False(string.IsNullOrEmpty((string?)env["AWS_ACCESS_KEY_ID"]));
        Assert.Equal("Visits", (string?)env["TABLE_NAME"]);            // template Environment + PhysicalIds
        Assert.Equal("from-config", (string?)env["EXTRA_SETTING"]);     // Function:Environment
        Assert.Equal("counter", (string?)env["OTEL_SERVICE_NAME"]);     // Function:ServiceName default
    }

    [Fact]
    public async Task Function_output_is_forwarded_to_the_emulator_console_under_the_function_name()
    {
        await EchoAsync(fixture.Request(HttpMethod.Get, "/visits"));
        // The console is the behaviour here: the function's line, on a line that names the function (the format is not).
        var line = await fixture.Emulator.Process.WaitForLineAsync(l => l.Contains("scripted runtime ready", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Contains("cloudresume-counter", line, StringComparison.Ordinal);
    }
}

namespace CloudResume.Tests.Emulator;

/// <summary>How the HTTP API maps the function's answer, and the errors it answers by itself.</summary>
[Collection(ManagedEmulatorCollection.Name)]
public sealed class GatewayResponseTests(ManagedEmulatorFixture fixture)
{
    private Task<HttpResponseMessage> GetAsync(string pathAndQuery) => fixture.Client.GetAsync(fixture.Url(pathAndQuery));

    private static async Task AssertGatewayErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(message, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
    }

    [Theory]
    [InlineData("GET", "/nothing-here")]
    [InlineData("DELETE", "/visits")] // the path of a route, but not its method
    public async Task Request_without_a_matching_route_is_answered_404_Not_Found(string method, string path)
    {
        using var response = await fixture.Client.SendAsync(fixture.Request(new HttpMethod(method), path));
        await AssertGatewayErrorAsync(response, HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task Raw_path_is_matched_as_sent_without_normalisation()
    {
        // HttpClient would collapse "/visits/../visits"; a raw socket sends it as is.
        var answer = await RawHttp.SendAsync(fixture.Emulator.GatewayPort, "GET /visits/../visits HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        Assert.StartsWith("HTTP/1.1 404", answer);
        Assert.Contains("""{"message":"Not Found"}""", answer);
    }

    [Fact]
    public async Task Health_is_not_served_on_the_gateway_port_as_a_real_HTTP_API_has_no_such_route()
    {
        using var response = await GetAsync("/health");
        await AssertGatewayErrorAsync(response, HttpStatusCode.NotFound, "Not Found");
        using var health = await fixture.Client.GetAsync(new Uri(fixture.Emulator.Runtime, "/health"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_an_apigw_requestid_header()
    {
        using var ok = await GetAsync("/visits");
        using var notFound = await GetAsync("/nope");
        Assert.Matches("^[A-Za-z0-9+/=]{16}$", ok.Headers.GetValues("apigw-requestid").Single());
        Assert.Single(notFound.Headers.GetValues("apigw-requestid"));
    }

    [Fact]
    public async Task Each_response_cookie_becomes_its_own_Set_Cookie_header()
    {
        using var response = await GetAsync("/visits?mode=cookies");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["a=1; Path=/", "b=2; HttpOnly"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("yes", response.Headers.GetValues("x-custom").Single());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("cookies", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("raw", """{"hello": "world", "n": 1}""")] // a JSON object: its text as the runtime sent it
    [InlineData("string", "hello from lambda")] // a JSON string: the text it stands for, unquoted
    public async Task Result_without_statusCode_is_sent_as_200_application_json_with_the_result_as_body(string mode, string body)
    {
        using var response = await GetAsync($"/visits?mode={mode}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Base64_encoded_response_body_is_decoded_to_bytes()
    {
        using var response = await GetAsync("/visits?mode=binary");
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("error")]
    [InlineData("malformed")]
    [InlineData("bad-status")]
    public async Task Function_error_or_malformed_function_response_is_answered_500_Internal_Server_Error(string mode)
    {
        using var response = await GetAsync($"/visits?mode={mode}");
        await AssertGatewayErrorAsync(response, HttpStatusCode.InternalServerError, "Internal Server Error");
    }

    [Fact]
    public async Task Function_response_over_6_MB_fails_the_invocation_and_the_runtime_gets_413()
    {
        using var logs = await FunctionLogReader.OpenAsync(fixture.Emulator);
        using var response = await GetAsync("/visits?mode=big");
        await AssertGatewayErrorAsync(response, HttpStatusCode.InternalServerError, "Internal Server Error");
        // The runtime prints the status its oversized response got: only the function sees that answer.
        var answered = await logs.WaitForAsync(r => r.Line.StartsWith("big response answered", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Assert.Equal("big response answered 413", answered.Line);
        Assert.Equal("stdout", answered.Stream);
    }

    [Fact]
    public async Task Request_body_over_the_10_MB_payload_quota_is_answered_413_Request_Entity_Too_Large()
    {
        using var response = await fixture.Client.PostAsync(fixture.Url("/visits"), new ByteArrayContent(new byte[10 * 1024 * 1024 + 1]));
        await AssertGatewayErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "Request Entity Too Large");
    }

    [Fact]
    public async Task Event_over_Lambdas_6_MB_invoke_limit_is_rejected_by_Lambda_and_answered_500()
    {
        var body = new StringContent(new string('x', 7 * 1024 * 1024), Encoding.UTF8, "text/plain");
        using var response = await fixture.Client.PostAsync(fixture.Url("/visits"), body);
        await AssertGatewayErrorAsync(response, HttpStatusCode.InternalServerError, "Internal Server Error");
    }

    [Fact]
    public async Task Request_line_and_headers_over_10240_bytes_are_refused_with_431()
    {
        using var response = await fixture.Client.SendAsync(fixture.Request(HttpMethod.Get, "/visits", ("X-Flood", new string('a', 10_300))));
        Assert.Equal((HttpStatusCode)431, response.StatusCode);

        using var ok = await fixture.Client.SendAsync(fixture.Request(HttpMethod.Get, "/visits", ("X-Large", new string('a', 9_000))));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task Request_line_over_Kestrels_default_limit_still_gets_API_Gateways_answer()
    {
        // 9 KB of query is over Kestrel's default 8 KB request line but within API Gateway's 10 KB.
        using var response = await GetAsync("/visits?q=" + new string('b', 9_000));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>Sends bytes exactly as written (HttpClient normalises paths).</summary>
public static class RawHttp
{
    public static async Task<string> SendAsync(int port, string request)
    {
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}

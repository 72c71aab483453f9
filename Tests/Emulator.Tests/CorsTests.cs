namespace CloudResume.Tests.Emulator;

/// <summary>The gateway's CORS, per "Configuring CORS for an HTTP API" (CorsConfiguration in the template).</summary>
[Collection(ManagedEmulatorCollection.Name)]
public sealed class CorsTests(ManagedEmulatorFixture fixture)
{
    private const string Allowed = ManagedEmulatorFixture.SiteOrigin;
    private const string Disallowed = "https://evil.example";

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? requestMethod = null)
    {
        var request = new HttpRequestMessage(method, fixture.Url(path));
        if (origin is not null) request.Headers.Add("Origin", origin);
        if (requestMethod is not null) request.Headers.Add("Access-Control-Request-Method", requestMethod);
        return await fixture.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task Preflight_from_allowed_origin_is_answered_by_the_gateway_with_204()
    {
        using var response = await SendAsync(HttpMethod.Options, "/visits", Allowed, "POST");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal("GET,POST", Header(response, "Access-Control-Allow-Methods"));
        Assert.Equal("content-type", Header(response, "Access-Control-Allow-Headers"));
        Assert.Equal("600", Header(response, "Access-Control-Max-Age"));
        Assert.Null(Header(response, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Preflight_is_answered_even_for_a_path_with_no_route()
    {
        using var response = await SendAsync(HttpMethod.Options, "/no-route-here", Allowed, "GET");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Preflight_from_disallowed_origin_gets_204_without_CORS_headers()
    {
        using var response = await SendAsync(HttpMethod.Options, "/visits", Disallowed, "POST");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task Preflight_for_a_method_not_allowed_gets_no_CORS_headers()
    {
        using var response = await SendAsync(HttpMethod.Options, "/visits", Allowed, "DELETE");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Options_without_Access_Control_Request_Method_is_not_a_preflight_and_is_routed_to_404()
    {
        using var response = await SendAsync(HttpMethod.Options, "/visits", Allowed);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Response_to_allowed_origin_carries_Access_Control_Allow_Origin()
    {
        using var response = await SendAsync(HttpMethod.Get, "/visits", Allowed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Allowed, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Fact]
    public async Task Response_to_disallowed_or_missing_origin_carries_no_CORS_headers()
    {
        using var disallowed = await SendAsync(HttpMethod.Get, "/visits", Disallowed);
        using var none = await SendAsync(HttpMethod.Get, "/visits", null);
        Assert.Equal(HttpStatusCode.OK, disallowed.StatusCode);
        Assert.Null(Header(disallowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(none, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Function_CORS_headers_are_ignored_when_the_API_configures_CORS()
    {
        using var fromDisallowed = await SendAsync(HttpMethod.Get, "/visits?mode=cors", Disallowed);
        Assert.Null(Header(fromDisallowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(fromDisallowed, "Access-Control-Allow-Methods"));
        Assert.Equal("1", Header(fromDisallowed, "x-kept"));

        using var fromAllowed = await SendAsync(HttpMethod.Get, "/visits?mode=cors", Allowed);
        Assert.Equal(Allowed, Header(fromAllowed, "Access-Control-Allow-Origin"));
        Assert.Null(Header(fromAllowed, "Access-Control-Allow-Methods"));
    }
}

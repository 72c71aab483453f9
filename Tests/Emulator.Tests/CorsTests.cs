namespace CloudResume.Tests.Emulator;

/// <summary>The gateway's CORS, per "Configuring CORS for an HTTP API" (CorsConfiguration in the template).</summary>
[Collection(ManagedEmulatorCollection.Name)]
public sealed class CorsTests(ManagedEmulatorFixture fixture)
{
    private const string Allowed = ManagedEmulatorFixture.SiteOrigin;
    private const string Disallowed = "https://evil.example";

    /// <summary>The template's CorsConfiguration as a preflight answers it (no Allow-Credentials: it is false).</summary>
    private static readonly Dictionary<string, string> AllowedPreflightHeaders = new()
    {
        ["Access-Control-Allow-Headers"] = "content-type",
        ["Access-Control-Allow-Methods"] = "GET,POST",
        ["Access-Control-Allow-Origin"] = Allowed,
        ["Access-Control-Max-Age"] = "600",
    };

    /// <summary>What an actual response to <see cref="Allowed"/> carries: the origin and the exposed headers.</summary>
    private static readonly Dictionary<string, string> AllowedResponseHeaders = new()
    {
        ["Access-Control-Allow-Origin"] = Allowed,
        ["Access-Control-Expose-Headers"] = "retry-after",
    };

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? origin, string? requestMethod = null)
    {
        List<(string, string)> headers = [];
        if (origin is not null) headers.Add(("Origin", origin));
        if (requestMethod is not null) headers.Add(("Access-Control-Request-Method", requestMethod));
        return fixture.Client.SendAsync(fixture.Request(method, path, [.. headers]));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    // Every Access-Control-* header the answer carries: comparing the whole set also catches one that should be absent.
    private static Dictionary<string, string> CorsHeaders(HttpResponseMessage response) =>
        response.Headers
            .Where(header => header.Key.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value));

    [Theory]
    [InlineData("/visits", Allowed, "POST", true)]
    [InlineData("/no-route-here", Allowed, "GET", true)] // the gateway answers before routing
    [InlineData("/visits", Disallowed, "POST", false)]
    [InlineData("/visits", Allowed, "DELETE", false)]
    public async Task Preflight_is_answered_by_the_gateway_with_204_and_CORS_headers_only_when_origin_and_method_are_allowed(
        string path, string origin, string requestMethod, bool allowed)
    {
        using var response = await SendAsync(HttpMethod.Options, path, origin, requestMethod);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(allowed ? AllowedPreflightHeaders : [], CorsHeaders(response));
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
        Assert.Equal(AllowedResponseHeaders, CorsHeaders(response));
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Theory]
    [InlineData(Disallowed)]
    [InlineData(null)]
    public async Task Response_to_disallowed_or_missing_origin_carries_no_CORS_headers(string? origin)
    {
        using var response = await SendAsync(HttpMethod.Get, "/visits", origin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(CorsHeaders(response));
    }

    [Fact]
    public async Task Function_CORS_headers_are_ignored_when_the_API_configures_CORS()
    {
        using var fromDisallowed = await SendAsync(HttpMethod.Get, "/visits?mode=cors", Disallowed);
        Assert.Empty(CorsHeaders(fromDisallowed));
        Assert.Equal("1", Header(fromDisallowed, "x-kept"));

        using var fromAllowed = await SendAsync(HttpMethod.Get, "/visits?mode=cors", Allowed);
        Assert.Equal(AllowedResponseHeaders, CorsHeaders(fromAllowed));
    }
}

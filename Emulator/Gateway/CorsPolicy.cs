using CloudResume.CloudFormation;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// The HTTP API's CorsConfiguration, applied by the gateway (AWS: "Configuring CORS for an HTTP API"):
/// it answers preflight OPTIONS itself, even with no OPTIONS route; it adds Access-Control-* to a
/// response only when the request's Origin is allowed; it ignores CORS headers from the integration.
/// </summary>
public sealed class CorsPolicy(CorsDefinition cors)
{
    private readonly string _allowMethods = string.Join(',', cors.AllowMethods);
    private readonly string _allowHeaders = string.Join(',', cors.AllowHeaders);
    private readonly string _exposeHeaders = string.Join(',', cors.ExposeHeaders);

    /// <summary>A preflight needs both Origin and Access-Control-Request-Method; otherwise OPTIONS is routed like any method.</summary>
    public static bool IsPreflight(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method) &&
        request.Headers.Origin.Count > 0 &&
        request.Headers.AccessControlRequestMethod.Count > 0;

    public bool IsOriginAllowed(string? origin) =>
        !string.IsNullOrEmpty(origin) && cors.AllowOrigins.Any(allowed =>
            allowed == "*" ||
            string.Equals(allowed, origin, StringComparison.OrdinalIgnoreCase) ||
            (allowed.EndsWith("://*", StringComparison.Ordinal) && origin.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)));

    private bool IsMethodAllowed(string method) =>
        cors.AllowMethods.Any(m => m == "*" || string.Equals(m, method, StringComparison.OrdinalIgnoreCase));

    /// <summary>Answers a preflight: 204, with the CORS headers only when origin and method are allowed.</summary>
    public void WritePreflight(HttpRequest request, HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status204NoContent;
        var origin = request.Headers.Origin.ToString();
        if (!IsOriginAllowed(origin) || !IsMethodAllowed(request.Headers.AccessControlRequestMethod.ToString())) return;

        var headers = response.Headers;
        headers.AccessControlAllowOrigin = AllowOriginValue(origin);
        if (_allowMethods.Length > 0) headers.AccessControlAllowMethods = _allowMethods;
        if (cors.AllowHeaders.Contains("*") && request.Headers.AccessControlRequestHeaders.Count > 0)
        {
            headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.ToString();
        }
        else if (_allowHeaders.Length > 0)
        {
            headers.AccessControlAllowHeaders = _allowHeaders;
        }
        if (cors.MaxAgeSeconds is { } maxAge) headers.AccessControlMaxAge = maxAge.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (cors.AllowCredentials) headers.AccessControlAllowCredentials = "true";
        AddVary(headers);
    }

    /// <summary>Adds the CORS headers to an actual (non-preflight) response when the Origin is allowed.</summary>
    public void ApplyToResponse(HttpRequest request, HttpResponse response)
    {
        var origin = request.Headers.Origin.ToString();
        if (!IsOriginAllowed(origin)) return;
        var headers = response.Headers;
        headers.AccessControlAllowOrigin = AllowOriginValue(origin);
        if (_exposeHeaders.Length > 0) headers.AccessControlExposeHeaders = _exposeHeaders;
        if (cors.AllowCredentials) headers.AccessControlAllowCredentials = "true";
        AddVary(headers);
    }

    /// <summary>Integration headers API Gateway drops when CORS is configured.</summary>
    public static bool IsCorsHeader(string name) => name.StartsWith("access-control-", StringComparison.OrdinalIgnoreCase);

    // "*" is echoed as "*" unless credentials are allowed (which a wildcard cannot be, by the CORS spec).
    private string AllowOriginValue(string origin) =>
        cors.AllowOrigins.Contains("*") && !cors.AllowCredentials ? "*" : origin;

    // The answer depends on Origin whenever it echoes the origin back: caches must key on it.
    private void AddVary(IHeaderDictionary headers)
    {
        if (!(cors.AllowOrigins.Contains("*") && !cors.AllowCredentials)) headers.Append("Vary", "Origin");
    }
}

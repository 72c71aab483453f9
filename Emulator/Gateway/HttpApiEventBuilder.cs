using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;
using Microsoft.AspNetCore.Http.Features;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// Builds the payload 2.0 event from an HTTP request the way API Gateway does: lower-case header names,
/// repeated headers and query parameters comma-joined, cookies split out of the Cookie header, the
/// forwarding headers AWS adds, the raw path and query untouched, and the body base64-encoded unless its
/// content type is text.
/// </summary>
public sealed class HttpApiEventBuilder(string accountId, string apiId)
{
    // Connection-level headers never reach the integration.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "connection", "keep-alive", "transfer-encoding", "te", "upgrade", "proxy-connection", "cookie",
    };

    public byte[] Build(HttpContext context, RouteMatch match, ReadOnlyMemory<byte> body, string requestId, string traceRoot) =>
        JsonSerializer.SerializeToUtf8Bytes(Create(context, match, body, requestId, traceRoot, DateTimeOffset.UtcNow),
            ContractsJsonContext.Default.HttpApiRequest);

    public HttpApiRequest Create(HttpContext context, RouteMatch match, ReadOnlyMemory<byte> body, string requestId, string traceRoot, DateTimeOffset now)
    {
        var request = context.Request;
        var (rawPath, rawQuery) = RawTarget(context);
        var sourceIp = SourceIp(context.Connection.RemoteIpAddress);

        var headers = new Dictionary<string, string>(request.Headers.Count + 5, StringComparer.Ordinal);
        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name)) continue;
            headers[name.ToLowerInvariant()] = string.Join(',', values.ToArray());
        }
        headers["content-length"] = body.Length.ToString(CultureInfo.InvariantCulture);
        headers["x-amzn-trace-id"] = traceRoot;
        headers["x-forwarded-for"] = headers.TryGetValue("x-forwarded-for", out var forwarded) ? $"{forwarded}, {sourceIp}" : sourceIp;
        headers["x-forwarded-port"] = context.Connection.LocalPort.ToString(CultureInfo.InvariantCulture);
        headers["x-forwarded-proto"] = request.Scheme;

        var host = request.Host.Host;
        var routeKey = match.Route.RouteKey;
        var (bodyText, isBase64) = EncodeBody(body, request.ContentType);
        return new HttpApiRequest
        {
            Version = "2.0",
            RouteKey = routeKey,
            RawPath = rawPath,
            RawQueryString = rawQuery,
            Cookies = Cookies(request.Headers.Cookie),
            Headers = headers,
            QueryStringParameters = QueryParameters(rawQuery),
            PathParameters = match.PathParameters,
            RequestContext = new HttpApiRequestContext
            {
                AccountId = accountId,
                ApiId = apiId,
                DomainName = host,
                DomainPrefix = IPAddress.TryParse(host, out _) ? host : host.Split('.')[0],
                Http = new HttpApiRequestHttp
                {
                    Method = request.Method,
                    Path = rawPath,
                    Protocol = request.Protocol,
                    SourceIp = sourceIp,
                    UserAgent = request.Headers.UserAgent.ToString(),
                },
                RequestId = requestId,
                RouteKey = routeKey,
                Time = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                TimeEpoch = now.ToUnixTimeMilliseconds(),
            },
            Body = bodyText,
            IsBase64Encoded = isBase64,
        };
    }

    /// <summary>The request target as the client sent it (Kestrel's Request.Path is decoded and dot-segment normalised).</summary>
    public static (string Path, string Query) RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return (context.Request.PathBase + context.Request.Path, context.Request.QueryString.Value?.TrimStart('?') ?? "");
        }
        var q = raw.IndexOf('?');
        return q < 0 ? (raw, "") : (raw[..q], raw[(q + 1)..]);
    }

    private static string SourceIp(IPAddress? address) =>
        address is null ? "127.0.0.1" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static List<string>? Cookies(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (header.Count == 0) return null;
        var cookies = new List<string>();
        foreach (var value in header)
        {
            foreach (var cookie in (value ?? "").Split(';'))
            {
                var trimmed = cookie.Trim();
                if (trimmed.Length > 0) cookies.Add(trimmed);
            }
        }
        return cookies.Count == 0 ? null : cookies;
    }

    private static Dictionary<string, string>? QueryParameters(string rawQuery)
    {
        if (rawQuery.Length == 0) return null;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Decode(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            parameters[name] = parameters.TryGetValue(name, out var existing) ? $"{existing},{value}" : value;
        }
        return parameters.Count == 0 ? null : parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text);

    // HTTP APIs have no binaryMediaTypes: the body arrives as text only for text/*, JSON, XML and
    // JavaScript; everything else (form posts and a missing Content-Type included) is base64.
    private static (string? Body, bool IsBase64) EncodeBody(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (body.IsEmpty) return (null, false);
        return IsText(contentType)
            ? (Encoding.UTF8.GetString(body.Span), false)
            : (Convert.ToBase64String(body.Span), true);
    }

    public static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase);
    }
}

namespace CloudResume.Counter.Http;

/// <summary>API Gateway HTTP API event, payload format 2.0 (the fields this function uses).</summary>
public sealed class HttpApiRequest
{
    public string? Version { get; set; }
    public string? RouteKey { get; set; }
    public string? RawPath { get; set; }
    public string? RawQueryString { get; set; }
    public List<string>? Cookies { get; set; }
    public Dictionary<string, string>? Headers { get; set; }
    public Dictionary<string, string>? QueryStringParameters { get; set; }
    public Dictionary<string, string>? PathParameters { get; set; }
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }
    public HttpApiRequestContext? RequestContext { get; set; }

    /// <summary>True when the event has what every 2.0 event has: the version and an HTTP method.</summary>
    public bool IsPayloadV2 => Version == "2.0" && !string.IsNullOrEmpty(RequestContext?.Http?.Method);

    public string Method => RequestContext?.Http?.Method?.ToUpperInvariant() ?? "";

    public string Path => RawPath ?? RequestContext?.Http?.Path ?? "/";

    public string? SourceIp => RequestContext?.Http?.SourceIp;

    public string? UserAgent => Header("user-agent") ?? RequestContext?.Http?.UserAgent;

    /// <summary>Header names are lower-case in 2.0 events; tolerate other spellings from hand-made events.</summary>
    public string? Header(string name)
    {
        if (Headers is null)
        {
            return null;
        }
        if (Headers.TryGetValue(name, out var value))
        {
            return value;
        }
        foreach (var (key, v) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return v;
            }
        }
        return null;
    }

    public string? Query(string name) =>
        QueryStringParameters is not null && QueryStringParameters.TryGetValue(name, out var value) ? value : null;
}

public sealed class HttpApiRequestContext
{
    public string? AccountId { get; set; }
    public string? ApiId { get; set; }
    public string? DomainName { get; set; }
    public string? DomainPrefix { get; set; }
    public HttpApiRequestHttp? Http { get; set; }
    public string? RequestId { get; set; }
    public string? RouteKey { get; set; }
    public string? Stage { get; set; }
    public string? Time { get; set; }
    public long TimeEpoch { get; set; }
}

public sealed class HttpApiRequestHttp
{
    public string? Method { get; set; }
    public string? Path { get; set; }
    public string? Protocol { get; set; }
    public string? SourceIp { get; set; }
    public string? UserAgent { get; set; }
}

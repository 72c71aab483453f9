using System.Text.Json.Serialization;

namespace CloudResume.Contracts.HttpApi;

/// <summary>
/// The event an HTTP API sends a Lambda integration with payload format 2.0, in the fields and order of
/// AWS's own sample (aws-reference/apigw-v2-request-no-authorizer.json). Optional fields are left out
/// (not null) when empty, as AWS does. <see cref="Version"/> has no default: an event without it is not 2.0.
/// </summary>
public sealed class HttpApiRequest
{
    public string? Version { get; init; }
    public string RouteKey { get; init; } = "";
    public string? RawPath { get; init; }
    public string RawQueryString { get; init; } = "";
    public IReadOnlyList<string>? Cookies { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }
    public HttpApiRequestContext? RequestContext { get; init; }
    public string? Body { get; init; }
    public bool IsBase64Encoded { get; init; }

    // The computed members below read the event; they are not fields of it (AWS sends none of them).

    /// <summary>True when the event has what every 2.0 event has: the version and an HTTP method.</summary>
    [JsonIgnore]
    public bool IsPayloadV2 => Version == "2.0" && !string.IsNullOrEmpty(RequestContext?.Http?.Method);

    [JsonIgnore]
    public string Method => RequestContext?.Http?.Method?.ToUpperInvariant() ?? "";

    [JsonIgnore]
    public string Path => RawPath ?? RequestContext?.Http?.Path ?? "/";

    [JsonIgnore]
    public string? SourceIp => RequestContext?.Http?.SourceIp;

    [JsonIgnore]
    public string? UserAgent => Header("user-agent") ?? RequestContext?.Http?.UserAgent;

    /// <summary>Header names are lower-case in 2.0 events; other spellings (hand-made events) are tolerated.</summary>
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
    public string? AccountId { get; init; }
    public string? ApiId { get; init; }
    public string? DomainName { get; init; }
    public string? DomainPrefix { get; init; }
    public HttpApiRequestHttp? Http { get; init; }
    public string? RequestId { get; init; }
    public string? RouteKey { get; init; }
    public string Stage { get; init; } = "$default";
    public string? Time { get; init; }
    public long TimeEpoch { get; init; }
}

public sealed class HttpApiRequestHttp
{
    public string? Method { get; init; }
    public string? Path { get; init; }
    public string? Protocol { get; init; }
    public string? SourceIp { get; init; }
    public string? UserAgent { get; init; }
}

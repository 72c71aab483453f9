namespace CloudResume.Emulator.Gateway;

/// <summary>
/// The event an HTTP API sends a Lambda integration with payload format 2.0 — the fields and order of
/// AWS's own sample (aws-reference/apigw-v2-request-no-authorizer.json). Optional fields are left out
/// (not null) when empty, as AWS does.
/// </summary>
public sealed record HttpApiRequestEvent
{
    public string Version { get; init; } = "2.0";
    public required string RouteKey { get; init; }
    public required string RawPath { get; init; }
    public required string RawQueryString { get; init; }
    public IReadOnlyList<string>? Cookies { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }
    public required HttpApiRequestContext RequestContext { get; init; }
    public string? Body { get; init; }
    public bool IsBase64Encoded { get; init; }
}

public sealed record HttpApiRequestContext
{
    public required string AccountId { get; init; }
    public required string ApiId { get; init; }
    public required string DomainName { get; init; }
    public required string DomainPrefix { get; init; }
    public required HttpApiRequestHttp Http { get; init; }
    public required string RequestId { get; init; }
    public required string RouteKey { get; init; }
    public string Stage { get; init; } = "$default";
    public required string Time { get; init; }
    public required long TimeEpoch { get; init; }
}

public sealed record HttpApiRequestHttp(string Method, string Path, string Protocol, string SourceIp, string UserAgent);

/// <summary>The body of every error the gateway itself answers: <c>{"message":"Not Found"}</c>.</summary>
public sealed record GatewayMessage(string Message);

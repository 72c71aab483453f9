namespace CloudResume.Contracts.HttpApi;

/// <summary>
/// A Lambda integration's structured answer to an HTTP API, payload format 2.0:
/// <c>{statusCode, headers, cookies, body, isBase64Encoded}</c>; each cookie becomes its own Set-Cookie.
/// </summary>
public sealed class HttpApiResponse
{
    public int StatusCode { get; init; }
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    public IReadOnlyList<string>? Cookies { get; init; }
    public string? Body { get; init; }
    public bool IsBase64Encoded { get; init; }
}

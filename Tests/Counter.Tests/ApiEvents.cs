using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;

namespace CloudResume.Tests.Counter;

/// <summary>API Gateway HTTP API payload 2.0 events, shaped like the captured AWS one, built as the contract type.</summary>
public static class ApiEvents
{
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    /// <summary>Another browser on the same machine: another visitor.</summary>
    public const string OtherBrowser = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    public static HttpApiRequest Request(string method, string path = "/visits", string? sourceIp = "203.0.113.7", string? userAgent = Browser,
        IReadOnlyDictionary<string, string>? query = null, string? body = null, bool base64 = false)
    {
        var headers = new Dictionary<string, string> { ["host"] = "api.example.test", ["x-forwarded-proto"] = "https" };
        if (userAgent is not null)
        {
            headers["user-agent"] = userAgent;
        }
        return new HttpApiRequest
        {
            Version = "2.0",
            RouteKey = "$default",
            RawPath = path,
            RawQueryString = query is null ? "" : string.Join('&', query.Select(kv => $"{kv.Key}={kv.Value}")),
            Headers = headers,
            QueryStringParameters = query,
            RequestContext = new HttpApiRequestContext
            {
                AccountId = "123456789012",
                ApiId = "api",
                DomainName = "api.example.test",
                DomainPrefix = "api",
                Http = new HttpApiRequestHttp
                {
                    Method = method,
                    Path = path,
                    Protocol = "HTTP/1.1",
                    SourceIp = sourceIp,
                    UserAgent = userAgent ?? "",
                },
                RequestId = Guid.NewGuid().ToString("N"),
                RouteKey = "$default",
                Time = "21/Apr/2020:15:08:21 +0000",
                TimeEpoch = 1587481701067,
            },
            Body = body,
            IsBase64Encoded = base64,
        };
    }

    /// <summary>The same event as the JSON Lambda hands the function.</summary>
    public static string Json(string method, string path = "/visits", string? sourceIp = "203.0.113.7", string? userAgent = Browser,
        IReadOnlyDictionary<string, string>? query = null, string? body = null, bool base64 = false) =>
        JsonSerializer.Serialize(Request(method, path, sourceIp, userAgent, query, body, base64), ContractsJsonContext.Default.HttpApiRequest);

    public static Dictionary<string, string> Days(string days) => new() { ["days"] = days };
}

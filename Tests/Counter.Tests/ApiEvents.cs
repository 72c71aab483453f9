using System.Text.Json.Nodes;
using CloudResume.Counter.Http;
using CloudResume.Counter.Runtime;

namespace CloudResume.Tests.Counter;

/// <summary>API Gateway HTTP API payload 2.0 events, shaped like the captured AWS one.</summary>
public static class ApiEvents
{
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    public static string Json(string method, string path = "/visits", string? sourceIp = "203.0.113.7", string? userAgent = Browser,
        IReadOnlyDictionary<string, string>? query = null, string? body = null, bool base64 = false)
    {
        var headers = new JsonObject { ["host"] = "api.example.test", ["x-forwarded-proto"] = "https" };
        if (userAgent is not null)
        {
            headers["user-agent"] = userAgent;
        }
        var queryObject = query is null ? null : new JsonObject(query.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value)));
        var http = new JsonObject
        {
            ["method"] = method,
            ["path"] = path,
            ["protocol"] = "HTTP/1.1",
            ["sourceIp"] = sourceIp,
            ["userAgent"] = userAgent ?? "",
        };
        var root = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = "$default",
            ["rawPath"] = path,
            ["rawQueryString"] = query is null ? "" : string.Join('&', query.Select(kv => $"{kv.Key}={kv.Value}")),
            ["headers"] = headers,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "123456789012",
                ["apiId"] = "api",
                ["domainName"] = "api.example.test",
                ["domainPrefix"] = "api",
                ["http"] = http,
                ["requestId"] = Guid.NewGuid().ToString("N"),
                ["routeKey"] = "$default",
                ["stage"] = "$default",
                ["time"] = "21/Apr/2020:15:08:21 +0000",
                ["timeEpoch"] = 1587481701067,
            },
            ["isBase64Encoded"] = base64,
        };
        if (queryObject is not null)
        {
            root["queryStringParameters"] = queryObject;
        }
        if (body is not null)
        {
            root["body"] = body;
        }
        return root.ToJsonString();
    }

    public static HttpApiRequest Request(string method, string path = "/visits", string? sourceIp = "203.0.113.7", string? userAgent = Browser,
        IReadOnlyDictionary<string, string>? query = null, string? body = null, bool base64 = false) =>
        LambdaBootstrap.Parse(System.Text.Encoding.UTF8.GetBytes(Json(method, path, sourceIp, userAgent, query, body, base64)))
        ?? throw new InvalidOperationException("ApiEvents built an event the function rejects.");

    public static Dictionary<string, string> Days(string days) => new() { ["days"] = days };
}

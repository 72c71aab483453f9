using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Http;

/// <summary>The function's answers to the HTTP API: JSON bodies only, never cached on the way.</summary>
public static class Responses
{
    public static HttpApiResponse Counts(VisitCounts counts) =>
        Json(200, JsonSerializer.Serialize(counts, ContractsJsonContext.Default.VisitCounts));

    public static HttpApiResponse Error(int statusCode, string message, params (string Name, string Value)[] headers) =>
        Json(statusCode, JsonSerializer.Serialize(new MessageBody(message), ContractsJsonContext.Default.MessageBody), headers);

    /// <summary>503 + Retry-After: the visit was certainly not counted, so trying again is safe.</summary>
    public static HttpApiResponse Unavailable(string message) => Error(503, message, ("retry-after", "1"));

    /// <summary>503 without Retry-After: the write's fate is unknown, and sending the visit again could count it twice.</summary>
    public static HttpApiResponse MaybeCounted(string message) => Error(503, message);

    private static HttpApiResponse Json(int statusCode, string body, params (string Name, string Value)[] extra)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/json",
            // Counts change with every visit: no cache between the browser and the function may keep them.
            ["cache-control"] = "no-store",
        };
        foreach (var (name, value) in extra)
        {
            headers[name] = value;
        }
        return new HttpApiResponse { StatusCode = statusCode, Headers = headers, Body = body };
    }
}

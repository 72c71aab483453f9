using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudResume.Counter.Json;

namespace CloudResume.Counter.Http;

/// <summary>API Gateway HTTP API response, payload format 2.0. Bodies are always JSON.</summary>
public sealed class HttpApiResponse
{
    public int StatusCode { get; set; }
    public Dictionary<string, string> Headers { get; set; } = [];
    public string? Body { get; set; }
    public bool IsBase64Encoded { get; set; }

    public static HttpApiResponse Json<T>(int statusCode, T body, JsonTypeInfo<T> typeInfo) => new()
    {
        StatusCode = statusCode,
        Headers = new Dictionary<string, string>
        {
            ["content-type"] = "application/json",
            // Counts change with every visit: no cache between the browser and the function may keep them.
            ["cache-control"] = "no-store",
        },
        Body = JsonSerializer.Serialize(body, typeInfo),
    };

    public static HttpApiResponse Error(int statusCode, string message) =>
        Json(statusCode, new ErrorBody(message), CounterJsonContext.Default.ErrorBody);

    public static HttpApiResponse Unavailable(string message)
    {
        var response = Error(503, message);
        response.Headers["retry-after"] = "1";
        return response;
    }

    public HttpApiResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }
}

/// <summary>The one error shape: {"message": "..."}.</summary>
public sealed record ErrorBody(string Message);

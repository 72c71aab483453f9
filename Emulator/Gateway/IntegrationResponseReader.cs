using CloudResume.Contracts.HttpApi;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// Reads a function's answer as an HTTP API (payload 2.0) does. A JSON object with <c>statusCode</c> is the
/// structured form; any other valid JSON is "200, application/json, body = the response" (a JSON string
/// stands for its text); anything else is malformed, and API Gateway answers 500.
/// </summary>
public static class IntegrationResponseReader
{
    private static readonly Dictionary<string, string> JsonContentType = new() { ["content-type"] = "application/json" };

    /// <summary>Null when the payload is not a response API Gateway accepts.</summary>
    public static HttpApiResponse? Read(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode", out var status))
            {
                return Structured(root, status);
            }
            var body = root.ValueKind == JsonValueKind.String ? root.GetString()! : Encoding.UTF8.GetString(payload.Trim(" \t\r\n"u8));
            return new HttpApiResponse { StatusCode = 200, Headers = JsonContentType, Body = body };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The body's bytes: base64-decoded when the function flagged it.</summary>
    public static byte[] BodyBytes(HttpApiResponse response) =>
        response.Body is null ? [] : response.IsBase64Encoded ? Convert.FromBase64String(response.Body) : Encoding.UTF8.GetBytes(response.Body);

    private static HttpApiResponse? Structured(JsonElement root, JsonElement status)
    {
        int statusCode;
        if (status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var number)) statusCode = number;
        else if (status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text)) statusCode = text;
        else return null;
        if (statusCode is < 100 or > 599) return null;

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                if (Scalar(header.Value) is not { } value) return null;
                headers[header.Name] = value;
            }
        }

        var cookies = new List<string>();
        if (root.TryGetProperty("cookies", out var cookieArray) && cookieArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var cookie in cookieArray.EnumerateArray())
            {
                if (cookie.ValueKind != JsonValueKind.String) return null;
                cookies.Add(cookie.GetString()!);
            }
        }

        var isBase64 = root.TryGetProperty("isBase64Encoded", out var flag) && flag.ValueKind == JsonValueKind.True;
        string? body = null;
        if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
        {
            if (bodyElement.ValueKind != JsonValueKind.String) return null;
            body = bodyElement.GetString()!;
            if (isBase64 && !IsBase64(body)) return null;
        }
        return new HttpApiResponse { StatusCode = statusCode, Headers = headers, Cookies = cookies, Body = body, IsBase64Encoded = isBase64 };
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}

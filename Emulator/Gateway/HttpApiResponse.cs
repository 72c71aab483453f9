using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// A function's answer as an HTTP API (payload 2.0) reads it. A JSON object with <c>statusCode</c> is the
/// structured form {statusCode, headers, cookies, body, isBase64Encoded}; any other valid JSON is "200,
/// application/json, body = the response" (a JSON string stands for its text); anything else is malformed.
/// </summary>
public sealed record HttpApiResponse(int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, IReadOnlyList<string> Cookies, byte[] Body)
{
    private static readonly KeyValuePair<string, string>[] JsonContentType = [new("content-type", "application/json")];

    /// <summary>Null when the payload is not a response API Gateway accepts (it answers 500).</summary>
    public static HttpApiResponse? Parse(ReadOnlySpan<byte> payload)
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
            var body = root.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(root.GetString()!) : payload.Trim(" \t\r\n"u8).ToArray();
            return new HttpApiResponse(200, JsonContentType, [], body);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static HttpApiResponse? Structured(JsonElement root, JsonElement status)
    {
        int statusCode;
        if (status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var number)) statusCode = number;
        else if (status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var text)) statusCode = text;
        else return null;
        if (statusCode is < 100 or > 599) return null;

        var headers = new List<KeyValuePair<string, string>>();
        if (root.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                if (Scalar(header.Value) is not { } value) return null;
                headers.Add(new(header.Name, value));
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
        byte[] body = [];
        if (root.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
        {
            if (bodyElement.ValueKind != JsonValueKind.String) return null;
            var text = bodyElement.GetString()!;
            body = isBase64 ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
        }
        return new HttpApiResponse(statusCode, headers, cookies, body);
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

using System.Net;
using System.Text.Json;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>What a caller of /visits saw: status, body, and the parts of it the tests judge.</summary>
public sealed record VisitAnswer(HttpStatusCode Status, string Body, long? Views, string? Message, bool HasRetryAfter)
{
    public bool IsOk => Status == HttpStatusCode.OK && Views is not null;

    public static async Task<VisitAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        long? views = null;
        string? message = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("views", out var v) && v.ValueKind == JsonValueKind.Number)
                {
                    views = v.GetInt64();
                }
                if (json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: Views and Message stay null, which the assertions report with the body.
        }
        return new VisitAnswer(response.StatusCode, body, views, message, response.Headers.RetryAfter is not null);
    }

    public override string ToString() => $"{(int)Status} {Body}{(HasRetryAfter ? " (Retry-After)" : "")}";
}

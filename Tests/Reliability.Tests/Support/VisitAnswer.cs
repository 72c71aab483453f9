namespace CloudResume.Tests.Reliability.Support;

/// <summary>What a caller of /visits saw: status, body, and the parts of it the tests judge.</summary>
public sealed record VisitAnswer(HttpStatusCode Status, string Body, long? Views, long? Visitors, string? Message, TimeSpan? RetryAfter)
{
    public bool IsOk => Status == HttpStatusCode.OK && Views is not null;

    /// <summary>The answer invites the same request again (after <see cref="RetryAfter"/>).</summary>
    public bool HasRetryAfter => RetryAfter is not null;

    public static async Task<VisitAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        long? views = null;
        long? visitors = null;
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
                if (json.RootElement.TryGetProperty("visitors", out var u) && u.ValueKind == JsonValueKind.Number)
                {
                    visitors = u.GetInt64();
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
        var retryAfter = response.Headers.RetryAfter is { } advice
            ? advice.Delta ?? (advice.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero)
            : (TimeSpan?)null;
        return new VisitAnswer(response.StatusCode, body, views, visitors, message, retryAfter);
    }

    public override string ToString() => $"{(int)Status} {Body}{(HasRetryAfter ? " (Retry-After)" : "")}";
}

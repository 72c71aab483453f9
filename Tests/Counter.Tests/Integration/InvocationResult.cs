using System.Text.Json;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>What the function posted for one invocation: a payload 2.0 response, or an error.</summary>
public sealed record InvocationResult(bool IsError, string Body, string? ErrorType, string? ContentType, DateTimeOffset ReceivedAt, DateTimeOffset Deadline)
{
    private JsonElement Response => JsonDocument.Parse(Body).RootElement;

    public int StatusCode => IsError
        ? throw new InvalidOperationException($"The invocation failed ({ErrorType}): {Body}")
        : Response.GetProperty("statusCode").GetInt32();

    public string? Header(string name) =>
        Response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The HTTP body the gateway would send, parsed.</summary>
    public JsonElement Json => JsonDocument.Parse(Response.GetProperty("body").GetString()!).RootElement;

    public long Views => Json.GetProperty("views").GetInt64();

    public long Visitors => Json.GetProperty("visitors").GetInt64();

    public override string ToString() => IsError ? $"error {ErrorType}: {Body}" : Body;
}

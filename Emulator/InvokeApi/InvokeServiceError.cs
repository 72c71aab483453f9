using System.Text.Json.Serialization;

namespace CloudResume.Emulator.InvokeApi;

/// <summary>A Lambda service error body (<c>{"Type":"User","message":...}</c>); the code goes in <c>x-amzn-ErrorType</c>.</summary>
public sealed record InvokeServiceError(
    [property: JsonPropertyName("Type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("Reason")] string? Reason = null);

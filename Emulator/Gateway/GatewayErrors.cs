using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts;
using CloudResume.Emulator.Hosting;

namespace CloudResume.Emulator.Gateway;

/// <summary>The answers the HTTP API gives by itself, with AWS's status codes and bodies.</summary>
public static class GatewayErrors
{
    public static readonly GatewayError BadRequest = new(400, "Bad Request");
    public static readonly GatewayError NotFound = new(404, "Not Found");
    public static readonly GatewayError TooManyRequests = new(429, "Too Many Requests");
    public static readonly GatewayError InternalServerError = new(500, "Internal Server Error");
    public static readonly GatewayError ServiceUnavailable = new(503, "Service Unavailable");
    public static readonly GatewayError RequestEntityTooLarge = new(413, "Request Entity Too Large");
    /// <summary>Request line + headers over the HTTP API quota (10240 bytes).</summary>
    public static readonly GatewayError HeadersTooLarge = new(431, $"HTTP header is larger than {GatewayLimits.MaxRequestLineAndHeadersBytes} bytes.");
}

public sealed class GatewayError(int statusCode, string message)
{
    private readonly byte[] _body = JsonSerializer.SerializeToUtf8Bytes(new MessageBody(message), ContractsJsonContext.Default.MessageBody);

    public int StatusCode { get; } = statusCode;
    public string Message { get; } = message;

    public Task WriteAsync(HttpResponse response) => response.WriteJsonAsync(StatusCode, _body);
}

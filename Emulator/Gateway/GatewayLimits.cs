namespace CloudResume.Emulator.Gateway;

/// <summary>HTTP API quotas (AWS: "Quotas for configuring and running an HTTP API").</summary>
public static class GatewayLimits
{
    /// <summary>"Total combined size of request line and header values: 10240 bytes".</summary>
    public const int MaxRequestLineAndHeadersBytes = 10_240;

    /// <summary>"Payload size: 10 MB". Lambda's own 6 MB invoke limit applies after it.</summary>
    public const int MaxPayloadBytes = 10 * 1024 * 1024;
}

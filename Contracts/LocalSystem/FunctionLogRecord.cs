using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudResume.Contracts.LocalSystem;

/// <summary>
/// One line an execution environment wrote to stdout or stderr, as the emulator streams it from
/// <see cref="Path"/> (newline-delimited JSON) — what CloudWatch Logs would hold in AWS.
/// </summary>
public sealed record FunctionLogRecord(DateTimeOffset Timestamp, int Environment, string Stream, string Line)
{
    /// <summary>On the emulator's runtime port; the response never ends while the emulator runs.</summary>
    public const string Path = "/emulator/function/logs";
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FunctionLogRecord))]
public sealed partial class FunctionLogJsonContext : JsonSerializerContext;

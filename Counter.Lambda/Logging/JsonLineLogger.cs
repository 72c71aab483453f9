using System.Buffers;
using System.Text.Json;

namespace CloudResume.Counter.Logging;

/// <summary>
/// One JSON object per line on stdout ({"time","level","requestId","message",...}), the shape CloudWatch
/// Logs Insights parses. Written with Utf8JsonWriter: no reflection, so it is Native AOT safe.
/// Never give it a raw IP address or the salt.
/// </summary>
public sealed class JsonLineLogger(Stream output, TimeProvider time)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };
    private readonly Lock _gate = new();

    public static JsonLineLogger Stdout { get; } = new(Console.OpenStandardOutput(), TimeProvider.System);

    public void Info(string message, string? requestId = null, Action<Utf8JsonWriter>? fields = null) => Write("INFO", message, requestId, fields);

    public void Warn(string message, string? requestId = null, Action<Utf8JsonWriter>? fields = null) => Write("WARN", message, requestId, fields);

    public void Error(string message, string? requestId = null, Action<Utf8JsonWriter>? fields = null) => Write("ERROR", message, requestId, fields);

    public void Write(string level, string message, string? requestId, Action<Utf8JsonWriter>? fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("time", time.GetUtcNow().UtcDateTime);
            writer.WriteString("level", level);
            if (requestId is not null)
            {
                writer.WriteString("requestId", requestId);
            }
            writer.WriteString("message", message);
            fields?.Invoke(writer);
            writer.WriteEndObject();
        }
        lock (_gate)
        {
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
            output.Flush();
        }
    }
}

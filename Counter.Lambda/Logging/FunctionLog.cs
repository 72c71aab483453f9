using System.Buffers;
using Microsoft.Extensions.Logging;

namespace CloudResume.Counter.Logging;

/// <summary>
/// The function's log. Each record is one JSON object per line on stdout ({"time","level","requestId","message",...}),
/// what CloudWatch Logs stores and Logs Insights parses — with metric fields in CloudWatch's embedded metric format,
/// so they become metrics too. When telemetry is on, the same record also goes to OpenTelemetry (OTLP logs), which
/// stamps it with the current span's trace and span ids. Written synchronously: Lambda may freeze the process right
/// after the response, and a buffered line would be lost. Never give it a raw IP address, a user agent or the salt.
/// </summary>
public sealed class FunctionLog(Stream stdout, TimeProvider time, ILogger? telemetry = null)
{
    public const string MetricsNamespace = "CloudResume";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };
    private readonly Lock _gate = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(512);

    public static FunctionLog Stdout(ILogger? telemetry = null) => new(Console.OpenStandardOutput(), TimeProvider.System, telemetry);

    public void Info(string message, string? requestId = null, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Information, message, requestId, fields);

    public void Warn(string message, string? requestId = null, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Warning, message, requestId, fields);

    public void Error(string message, string? requestId = null, params ReadOnlySpan<LogField> fields) => Write(LogLevel.Error, message, requestId, fields);

    public void Write(LogLevel level, string message, string? requestId, ReadOnlySpan<LogField> fields)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer, WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("time", now.UtcDateTime);
                writer.WriteString("level", LevelName(level));
                if (requestId is not null)
                {
                    writer.WriteString("requestId", requestId);
                }
                writer.WriteString("message", message);
                foreach (var field in fields)
                {
                    WriteValue(writer, field.Name, field.Value);
                }
                WriteEmbeddedMetrics(writer, fields, now);
                writer.WriteEndObject();
            }
            _buffer.Write("\n"u8);
            stdout.Write(_buffer.WrittenSpan);
            stdout.Flush();
        }
        if (telemetry is not null && telemetry.IsEnabled(level))
        {
            telemetry.Log(level, default, new LogRecordState(message, requestId, fields.ToArray()), null, static (state, _) => state.Message);
        }
    }

    // EMF: "_aws" names which fields are metrics (and which are their dimensions); CloudWatch Logs reads it.
    private static void WriteEmbeddedMetrics(Utf8JsonWriter writer, ReadOnlySpan<LogField> fields, DateTimeOffset now)
    {
        var any = false;
        foreach (var field in fields)
        {
            any |= field.Kind == LogFieldKind.Metric;
        }
        if (!any)
        {
            return;
        }
        writer.WriteStartObject("_aws");
        writer.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
        writer.WriteStartArray("CloudWatchMetrics");
        writer.WriteStartObject();
        writer.WriteString("Namespace", MetricsNamespace);
        writer.WriteStartArray("Dimensions");
        writer.WriteStartArray();
        foreach (var field in fields)
        {
            if (field.Kind == LogFieldKind.Dimension) writer.WriteStringValue(field.Name);
        }
        writer.WriteEndArray();
        writer.WriteEndArray();
        writer.WriteStartArray("Metrics");
        foreach (var field in fields)
        {
            if (field.Kind != LogFieldKind.Metric) continue;
            writer.WriteStartObject();
            writer.WriteString("Name", field.Name);
            writer.WriteString("Unit", "Count");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNull(name); break;
            case string text: writer.WriteString(name, text); break;
            case bool flag: writer.WriteBoolean(name, flag); break;
            case int number: writer.WriteNumber(name, number); break;
            case long number: writer.WriteNumber(name, number); break;
            case double number: writer.WriteNumber(name, number); break;
            default: writer.WriteString(name, value.ToString()); break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    /// <summary>The record as OpenTelemetry reads it: its fields become the log record's attributes.</summary>
    private sealed class LogRecordState(string message, string? requestId, LogField[] fields) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public string Message { get; } = message;

        public int Count => fields.Length + (requestId is null ? 0 : 1);

        public KeyValuePair<string, object?> this[int index] => index < fields.Length
            ? new(fields[index].Name, fields[index].Value)
            : new("faas.invocation_id", requestId);

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

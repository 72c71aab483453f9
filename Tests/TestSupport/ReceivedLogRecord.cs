namespace CloudResume.Tests.Support;

/// <summary>One log record an OTLP exporter sent: who sent it, its severity (OTLP's number: 9 = Info, 13 = Warn, 17 = Error), body and trace context.</summary>
public sealed record ReceivedLogRecord(
    string ServiceName,
    int SeverityNumber,
    string Body,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Attributes);

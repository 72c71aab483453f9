namespace CloudResume.Tests.Support;

/// <summary>One span an OTLP exporter sent, with the <c>service.name</c> of the resource that sent it; ids in lowercase hex.</summary>
public sealed record ReceivedSpan(
    string ServiceName,
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    ActivityKind Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public override string ToString() => $"{ServiceName}: {Name} ({Kind}) {TraceId}/{SpanId} ← {ParentSpanId ?? "root"}";
}

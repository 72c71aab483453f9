using System.Diagnostics;
using System.Globalization;
using CloudResume.Tests.Support.Otlp;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace CloudResume.Tests.Support;

/// <summary>Decodes the protobuf body of an OTLP/HTTP export (/v1/traces, /v1/metrics) with the schema in Otlp/otlp.proto.</summary>
public static class OtlpExport
{
    public const string ServiceNameAttribute = "service.name";

    public static IEnumerable<ReceivedSpan> Spans(byte[] body) =>
        ExportTraceServiceRequest.Parser.ParseFrom(body).ResourceSpans.SelectMany(resource =>
            resource.ScopeSpans.SelectMany(scope => scope.Spans).Select(span => Received(ServiceName(resource.Resource), span)));

    public static IEnumerable<ReceivedMetric> Metrics(byte[] body) =>
        ExportMetricsServiceRequest.Parser.ParseFrom(body).ResourceMetrics.SelectMany(resource =>
            resource.ScopeMetrics.SelectMany(scope => scope.Metrics).Select(metric => new ReceivedMetric(ServiceName(resource.Resource), metric.Name)));

    private static ReceivedSpan Received(string serviceName, Span span) => new(
        serviceName,
        Hex(span.TraceId),
        Hex(span.SpanId),
        span.ParentSpanId.IsEmpty ? null : Hex(span.ParentSpanId),
        span.Name,
        Kind(span.Kind),
        Attributes(span.Attributes));

    private static string ServiceName(Resource? resource) =>
        resource is null ? "" : Attributes(resource.Attributes).GetValueOrDefault(ServiceNameAttribute, "");

    // Scalars as text; a duplicate key (invalid OTLP) keeps the last value rather than failing the test.
    private static Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            values[attribute.Key] = attribute.Value switch
            {
                null => "",
                { ValueCase: AnyValue.ValueOneofCase.StringValue } value => value.StringValue,
                { ValueCase: AnyValue.ValueOneofCase.BoolValue } value => value.BoolValue ? "true" : "false",
                { ValueCase: AnyValue.ValueOneofCase.IntValue } value => value.IntValue.ToString(CultureInfo.InvariantCulture),
                { ValueCase: AnyValue.ValueOneofCase.DoubleValue } value => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
                _ => "",
            };
        }
        return values;
    }

    private static ActivityKind Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => ActivityKind.Server,
        Span.Types.SpanKind.Client => ActivityKind.Client,
        Span.Types.SpanKind.Producer => ActivityKind.Producer,
        Span.Types.SpanKind.Consumer => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };

    private static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);
}

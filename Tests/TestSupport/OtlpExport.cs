using CloudResume.Tests.Support.Otlp;
using Google.Protobuf;
using Google.Protobuf.Collections;

namespace CloudResume.Tests.Support;

/// <summary>Decodes the body of an OTLP/HTTP export (/v1/traces, /v1/metrics, /v1/logs): protobuf with the schema in Otlp/otlp.proto, or a browser's JSON spans.</summary>
public static class OtlpExport
{
    public const string ServiceNameAttribute = "service.name";

    public static IEnumerable<ReceivedSpan> Spans(byte[] body) =>
        Items(body, Span.Parser).Select(item => Received(item.ServiceName, item.Value));

    public static IEnumerable<ReceivedMetric> Metrics(byte[] body) =>
        Items(body, Metric.Parser).Select(item => new ReceivedMetric(item.ServiceName, item.Value.Name));

    public static IEnumerable<ReceivedSumPoint> SumPoints(byte[] body) =>
        Items(body, Metric.Parser).Where(item => item.Value.Sum is not null).SelectMany(item =>
            item.Value.Sum.DataPoints.Select(point => new ReceivedSumPoint(
                item.ServiceName, item.Value.Name, point.TimeUnixNano,
                point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble, item.Value.Sum.IsMonotonic)));

    public static IEnumerable<ReceivedLogRecord> LogRecords(byte[] body) =>
        Items(body, LogRecord.Parser).Select(item => new ReceivedLogRecord(
            item.ServiceName,
            item.Value.SeverityNumber,
            item.Value.Body is null ? "" : Text(item.Value.Body),
            item.Value.TraceId.IsEmpty ? null : Hex(item.Value.TraceId),
            item.Value.SpanId.IsEmpty ? null : Hex(item.Value.SpanId),
            Attributes(item.Value.Attributes)));

    // Traces, metrics and logs share one envelope (see otlp.proto): resources, scopes, then the items.
    private static IEnumerable<(string ServiceName, T Value)> Items<T>(byte[] body, MessageParser<T> parser)
        where T : IMessage<T> =>
        ExportRequest.Parser.ParseFrom(body).Resources.SelectMany(resource =>
            resource.Scopes.SelectMany(scope => scope.Items).Select(item => (ServiceName(resource.Resource), parser.ParseFrom(item))));

    /// <summary>
    /// Spans of an OTLP/HTTP JSON export (what a browser sends). OTLP's JSON writes ids in hex, not in protobuf's
    /// base64, so it is read by hand: ids, name, kind and the resource's service.name.
    /// </summary>
    public static IEnumerable<ReceivedSpan> JsonSpans(string body)
    {
        using var json = JsonDocument.Parse(body);
        var spans = new List<ReceivedSpan>();
        foreach (var resource in Array(json.RootElement, "resourceSpans"))
        {
            var serviceName = resource.TryGetProperty("resource", out var r)
                ? Array(r, "attributes").Where(a => a.GetProperty("key").GetString() == ServiceNameAttribute)
                    .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()).FirstOrDefault() ?? ""
                : "";
            foreach (var span in Array(resource, "scopeSpans").SelectMany(scope => Array(scope, "spans")))
            {
                var parent = span.TryGetProperty("parentSpanId", out var p) ? p.GetString() : null;
                spans.Add(new ReceivedSpan(
                    serviceName,
                    span.GetProperty("traceId").GetString()!.ToLowerInvariant(),
                    span.GetProperty("spanId").GetString()!.ToLowerInvariant(),
                    string.IsNullOrEmpty(parent) ? null : parent.ToLowerInvariant(),
                    span.GetProperty("name").GetString() ?? "",
                    Kind((Span.Types.SpanKind)(span.TryGetProperty("kind", out var k) ? k.GetInt32() : 0)),
                    new Dictionary<string, string>()));
            }
        }
        return spans;

        static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];
    }

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
            values[attribute.Key] = attribute.Value is null ? "" : Text(attribute.Value);
        }
        return values;
    }

    private static string Text(AnyValue value) => value switch
    {
        { ValueCase: AnyValue.ValueOneofCase.StringValue } => value.StringValue,
        { ValueCase: AnyValue.ValueOneofCase.BoolValue } => value.BoolValue ? "true" : "false",
        { ValueCase: AnyValue.ValueOneofCase.IntValue } => value.IntValue.ToString(CultureInfo.InvariantCulture),
        { ValueCase: AnyValue.ValueOneofCase.DoubleValue } => value.DoubleValue.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };

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

namespace CloudResume.Emulator.Telemetry;

/// <summary>
/// One value of a log line in CloudWatch's embedded metric format (EMF): a JSON object whose <c>_aws.CloudWatchMetrics</c>
/// names the metrics (and dimensions) that sibling properties hold. CloudWatch Logs turns such lines into metrics; so
/// does the emulator, so a function's own metrics behave locally as they will in AWS.
/// </summary>
public sealed record EmbeddedMetric(string Namespace, string Name, string? Unit, double Value, IReadOnlyList<KeyValuePair<string, string>> Dimensions)
{
    /// <summary>The metrics of <paramref name="line"/>; none when it is not an EMF record.</summary>
    public static IReadOnlyList<EmbeddedMetric> Read(string line)
    {
        // Cheap test first: nearly every line is not EMF.
        if (line.Length == 0 || line[0] != '{' || !line.Contains("\"_aws\"", StringComparison.Ordinal))
        {
            return [];
        }
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (!root.TryGetProperty("_aws", out var aws) || !aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
            {
                return [];
            }
            var metrics = new List<EmbeddedMetric>();
            foreach (var directive in directives.EnumerateArray())
            {
                var ns = directive.TryGetProperty("Namespace", out var n) ? n.GetString() ?? "" : "";
                var dimensions = DimensionsOf(root, directive);
                foreach (var definition in directive.TryGetProperty("Metrics", out var m) ? m.EnumerateArray() : default)
                {
                    if (definition.TryGetProperty("Name", out var name) && name.GetString() is { } metricName
                        && root.TryGetProperty(metricName, out var value) && value.ValueKind == JsonValueKind.Number)
                    {
                        var unit = definition.TryGetProperty("Unit", out var u) ? u.GetString() : null;
                        metrics.Add(new EmbeddedMetric(ns, metricName, unit, value.GetDouble(), dimensions));
                    }
                }
            }
            return metrics;
        }
        catch (JsonException)
        {
            return [];
        }
    }

    // The first dimension set's names, with their values from the record.
    private static KeyValuePair<string, string>[] DimensionsOf(JsonElement root, JsonElement directive) =>
        directive.TryGetProperty("Dimensions", out var sets) && sets.ValueKind == JsonValueKind.Array && sets.GetArrayLength() > 0
            ? [.. sets[0].EnumerateArray()
                .Select(d => d.GetString())
                .Where(d => d is not null && root.TryGetProperty(d, out _))
                .Select(d => new KeyValuePair<string, string>(d!, root.GetProperty(d!).ToString()))]
            : [];
}

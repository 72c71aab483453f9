using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudResume.Counter.Telemetry;

/// <summary>The function's own ActivitySource and Meter (names the OpenTelemetry pipeline subscribes to).</summary>
public static class CounterTelemetry
{
    public const string Name = "CloudResume.Counter";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Page views seen by POST /visits; tags say whether they were counted and whether a bot sent them.</summary>
    public static readonly Counter<long> Visits = Meter.CreateCounter<long>("visits", unit: "{visit}", description: "Page views received by POST /visits");

    public static void RecordVisit(bool counted, bool bot) =>
        Visits.Add(1, new KeyValuePair<string, object?>("counted", counted), new KeyValuePair<string, object?>("bot", bot));
}

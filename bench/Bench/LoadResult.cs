using System.Text.Json.Serialization;

namespace CloudResume.Bench;

/// <summary>One load level's outcome: throughput and latency percentiles (nearest rank).</summary>
public sealed record LoadResult(
    int Concurrency, int Operations, TimeSpan Elapsed,
    // Every sample stays out of the results file: the percentiles stand for them.
    [property: JsonIgnore] double[] LatenciesMs,
    int Failures)
{
    public double OpsPerSecond => Operations / Elapsed.TotalSeconds;

    public double P50 => Percentile(50);

    public double P99 => Percentile(99);

    public double Percentile(double p)
    {
        var sorted = LatenciesMs.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

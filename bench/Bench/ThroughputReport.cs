namespace CloudResume.Bench;

/// <summary>The throughput benchmark's figures and their Markdown rendering (goals: c/a ≥ 0.7, RSS &lt; 40 MB, zip &lt; 8 MB).</summary>
public sealed record ThroughputReport(IReadOnlyList<(string Variant, LoadResult Result)> Results, long[] PeakRssKib, long ZipBytes, string CostTable)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("| variant | concurrency | ops/s | p50 ms | p99 ms | failures |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (variant, r) in Results)
        {
            md.AppendLine(Invariant($"| {variant} | {r.Concurrency} | {r.OpsPerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Failures} |"));
        }
        md.AppendLine();
        md.AppendLine("| concurrency | c/a (goal ≥ 0.7) | c/a3 | b/a | c/b |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var level in Results.Select(r => r.Result.Concurrency).Distinct())
        {
            double Ops(string prefix) => Results.Single(r => r.Result.Concurrency == level && r.Variant.StartsWith(prefix, StringComparison.Ordinal)).Result.OpsPerSecond;
            md.AppendLine(Invariant($"| {level} | {Ops("(c)") / Ops("(a)"):F2} | {Ops("(c)") / Ops("(a3)"):F2} | {Ops("(b)") / Ops("(a)"):F2} | {Ops("(c)") / Ops("(b)"):F2} |"));
        }
        md.AppendLine();
        md.AppendLine("| DynamoDB requests per call | total | by action |");
        md.AppendLine("|---|---:|---|");
        md.Append(CostTable);
        md.AppendLine();
        var peakMb = PeakRssKib.Length > 0 ? PeakRssKib[0] / 1024.0 : double.NaN;
        var medianMb = PeakRssKib.Length > 0 ? PeakRssKib[PeakRssKib.Length / 2] / 1024.0 : double.NaN;
        md.AppendLine("| figure | value | goal |");
        md.AppendLine("|---|---:|---|");
        md.AppendLine(Invariant($"| function peak RSS under load, highest of {PeakRssKib.Length} environments (VmHWM MB) | {peakMb:F1} | < 40 |"));
        md.AppendLine(Invariant($"| function peak RSS, median environment (VmHWM MB) | {medianMb:F1} | |"));
        md.AppendLine(Invariant($"| artifacts/counter-lambda.zip (MB) | {ZipBytes / 1024.0 / 1024.0:F2} | < 8 |"));
        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

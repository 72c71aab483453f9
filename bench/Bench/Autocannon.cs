namespace CloudResume.Bench;

/// <summary>
/// The outside load client: autocannon (npm, pinned in package.json) through bench/load/autocannon-run.mjs, which
/// adds its own CPU time from /proc/self/stat to autocannon's result.
/// </summary>
public static class Autocannon
{
    public sealed record Result(long Requests, double Seconds, long Non2xx, long Errors, long Timeouts, double P50Ms, double P99Ms, long ClientTicks)
    {
        /// <summary>Requests over the run's whole duration: the one throughput figure the tables and ratios use.</summary>
        public double RequestsPerSecond => Requests / Seconds;
    }

    /// <param name="options">autocannon's own options (url, connections, duration or amount, method, headers, body).</param>
    public static async Task<Result> RunAsync(JsonObject options)
    {
        var script = RepositoryLayout.Current.Combine("bench", "load", "autocannon-run.mjs");
        var run = await new ProcessStart("node", [script, options.ToJsonString()]).RunAsync();
        var line = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (!run.Succeeded || line is null)
        {
            throw new InvalidOperationException($"autocannon failed ({run.ExitCode}); is `npm ci` done?\n{run.Stdout}\n{run.Stderr}");
        }
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        return new Result(
            r.GetProperty("requests").GetInt64(), r.GetProperty("seconds").GetDouble(),
            r.GetProperty("non2xx").GetInt64(), r.GetProperty("errors").GetInt64(), r.GetProperty("timeouts").GetInt64(),
            r.GetProperty("latencyP50").GetDouble(), r.GetProperty("latencyP99").GetDouble(), r.GetProperty("clientTicks").GetInt64());
    }
}

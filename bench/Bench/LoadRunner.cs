namespace CloudResume.Bench;

/// <summary>Runs one operation a fixed number of times at a fixed concurrency and times each call.</summary>
public static class LoadRunner
{
    public static async Task<LoadResult> RunAsync(int concurrency, int operations, Func<Task> operation)
    {
        var latencies = new double[operations];
        var next = -1;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await operation();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        })));
        return new LoadResult(concurrency, operations, clock.Elapsed, latencies, failures);
    }
}

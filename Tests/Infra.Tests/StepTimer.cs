using Xunit.Abstractions;

namespace CloudResume.Tests.Infra;

/// <summary>Runs one step of a test and writes how long it took to the test's output (the timings the docs quote).</summary>
internal static class StepTimer
{
    public static async Task<T> TimedAsync<T>(this ITestOutputHelper output, string step, Func<Task<T>> run)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        output.WriteLine($"{step}: {clock.Elapsed.TotalSeconds:F1} s");
        return result;
    }
}

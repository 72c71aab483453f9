using System.Collections.Concurrent;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// Callers that each call again as soon as their last call is done, until stopped: a steady load to break things under.
/// What the calls returned can be counted while it runs, so a test can wait for the load to have reached a point.
/// </summary>
public sealed class SteadyLoad<T> : IAsyncDisposable
{
    private readonly ConcurrentQueue<T> _results = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _callers;

    /// <param name="callsPerCaller">A cap, so a load whose stop never comes still ends.</param>
    public SteadyLoad(int callers, Func<Task<T>> call, int callsPerCaller = int.MaxValue)
    {
        _callers = Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < callsPerCaller && !_stop.IsCancellationRequested; i++)
            {
                _results.Enqueue(await call());
            }
        })));
    }

    /// <summary>How many of the calls done so far match.</summary>
    public int Count(Func<T, bool> predicate) => _results.Count(predicate);

    /// <summary>Lets each caller finish the call it is in, then returns every call's result in the order they were done.</summary>
    public async Task<List<T>> StopAsync()
    {
        await _stop.CancelAsync();
        await _callers;
        return [.. _results];
    }

    /// <summary>A test that failed before <see cref="StopAsync"/> still stops its load before the system under it goes away.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _callers;
        }
        catch (Exception)
        {
            // The test has failed already; a call that failed as the load stopped adds nothing to say.
        }
        _stop.Dispose();
    }
}

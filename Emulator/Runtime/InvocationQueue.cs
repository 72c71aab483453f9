using System.Threading.Channels;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// The shared Runtime API (the runtime port) for runtimes the emulator does not start: any process, any
/// language, may long-poll /next here. A waiting /next gets an event the moment it is queued (a channel,
/// no polling). The cap counts invocations in flight; the emulator cannot see these processes, so a crash
/// shows only as a timeout.
/// </summary>
public sealed class InvocationQueue(int concurrency) : IInvocationDispatcher
{
    private readonly Channel<Invocation> _queue = Channel.CreateUnbounded<Invocation>(new() { SingleWriter = false, SingleReader = false });
    private int _inFlight;
    private InvocationResult? _initError;

    public bool TryDispatch(Invocation invocation)
    {
        if (Interlocked.Increment(ref _inFlight) > concurrency)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }
        _ = invocation.Completion.ContinueWith(_ => Interlocked.Decrement(ref _inFlight), TaskScheduler.Default);
        if (Interlocked.Exchange(ref _initError, null) is { } initError)
        {
            invocation.TryComplete(initError);
            return true;
        }
        _queue.Writer.TryWrite(invocation);
        return true;
    }

    /// <summary>/next: the next invocation still waiting (ones that timed out in the queue are skipped).</summary>
    public async ValueTask<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var invocation = await _queue.Reader.ReadAsync(cancellationToken);
            if (invocation.TryStart()) return invocation;
        }
    }

    /// <summary>/runtime/init/error: served to the first invoke, as Lambda does.</summary>
    public void ReportInitError(InvocationResult error)
    {
        while (_queue.Reader.TryRead(out var queued))
        {
            if (queued.TryComplete(error)) return;
        }
        _initError = error;
    }
}

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// One invoke: the event, its deadline and the promise the caller awaits. Its state only moves forward
/// (queued → running → done), which is what makes a second /response or a late one a 403.
/// </summary>
public sealed class Invocation(string requestId, byte[] payload, DateTimeOffset deadline, string traceHeader, InvocationLog? log = null)
{
    private const int Queued = 0, Running = 1, Done = 2;
    private int _state;

    public string RequestId { get; } = requestId;
    public byte[] Payload { get; } = payload;
    public DateTimeOffset Deadline { get; } = deadline;
    public string TraceHeader { get; } = traceHeader;

    /// <summary>Where the environment's output for this invocation goes, when the caller asked for its log.</summary>
    public InvocationLog? Log { get; } = log;
    public long StartedTimestamp { get; private set; } = Stopwatch.GetTimestamp();

    private readonly TaskCompletionSource<InvocationResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public Task<InvocationResult> Completion => _completion.Task;

    public bool IsDone => Volatile.Read(ref _state) == Done;
    public bool IsRunning => Volatile.Read(ref _state) == Running;

    /// <summary>Handed to a runtime by /next; false when it already ended (e.g. timed out while queued).</summary>
    public bool TryStart()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Queued) != Queued) return false;
        StartedTimestamp = Stopwatch.GetTimestamp();
        return true;
    }

    /// <summary>The runtime's answer (/response, /error): only a running invocation takes one.</summary>
    public bool TryFinish(InvocationResult result)
    {
        if (Interlocked.CompareExchange(ref _state, Done, Running) != Running) return false;
        _completion.TrySetResult(result);
        return true;
    }

    /// <summary>Ends the invocation once; every later attempt (double response, late response) gets false.</summary>
    public bool TryComplete(InvocationResult result)
    {
        if (Interlocked.Exchange(ref _state, Done) == Done) return false;
        _completion.TrySetResult(result);
        return true;
    }
}

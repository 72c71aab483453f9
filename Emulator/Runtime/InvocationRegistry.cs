using System.Collections.Concurrent;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// Request id → invocation, for /response and /error. An invocation leaves the moment it ends (its payloads with
/// it); only its id is remembered a while, so a late or second answer is told 403 (wrong state) rather than 400
/// (unknown id), as Lambda does — a bounded set, so a long load cannot grow the emulator's memory.
/// </summary>
public sealed class InvocationRegistry
{
    /// <summary>How many ended ids are remembered (~100 bytes each).</summary>
    public const int RememberedEnded = 50_000;

    private readonly ConcurrentDictionary<string, Invocation> _live = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ended = new(StringComparer.Ordinal);
    private readonly Queue<string> _endedOrder = new();
    private readonly Lock _gate = new();

    public void Add(Invocation invocation)
    {
        _live[invocation.RequestId] = invocation;
        _ = invocation.Completion.ContinueWith(_ => End(invocation.RequestId), TaskScheduler.Default);
    }

    /// <summary>The invocation still waiting for its answer, or whether one with that id has ended.</summary>
    public (Invocation? Live, bool Ended) Find(string requestId)
    {
        if (_live.TryGetValue(requestId, out var invocation))
        {
            return (invocation, false);
        }
        lock (_gate) return (null, _ended.Contains(requestId));
    }

    private void End(string requestId)
    {
        lock (_gate)
        {
            if (_ended.Add(requestId))
            {
                _endedOrder.Enqueue(requestId);
                if (_endedOrder.Count > RememberedEnded) _ended.Remove(_endedOrder.Dequeue());
            }
        }
        _live.TryRemove(requestId, out _);
    }
}

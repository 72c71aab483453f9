using System.Collections.Concurrent;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// Request id → invocation, for /response and /error. Ended invocations stay a while, so a late or second
/// answer is told 403 (wrong state) rather than 400 (unknown id), as Lambda does.
/// </summary>
public sealed class InvocationRegistry
{
    private static readonly TimeSpan KeepEnded = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, Invocation> _invocations = new(StringComparer.Ordinal);

    public void Add(Invocation invocation)
    {
        _invocations[invocation.RequestId] = invocation;
        _ = invocation.Completion.ContinueWith(
            async _ => { await Task.Delay(KeepEnded); _invocations.TryRemove(invocation.RequestId, out Invocation? _); },
            TaskScheduler.Default);
    }

    public Invocation? Find(string requestId) => _invocations.GetValueOrDefault(requestId);
}

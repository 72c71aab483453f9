namespace CloudResume.Emulator.Runtime;

/// <summary>Hands invocations to execution environments, within the concurrency cap.</summary>
public interface IInvocationDispatcher
{
    /// <summary>False when every allowed environment is busy (Lambda throttles).</summary>
    bool TryDispatch(Invocation invocation);

    /// <summary>The invocation passed its deadline: its environment must not serve again.</summary>
    void OnTimedOut(Invocation invocation);

    /// <summary>Invocations in flight, for the concurrency gauge.</summary>
    int InFlight { get; }
}

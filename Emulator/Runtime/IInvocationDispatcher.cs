namespace CloudResume.Emulator.Runtime;

/// <summary>Hands invocations to execution environments, within the concurrency cap.</summary>
public interface IInvocationDispatcher
{
    /// <summary>False when every allowed environment is busy (Lambda throttles).</summary>
    bool TryDispatch(Invocation invocation);
}

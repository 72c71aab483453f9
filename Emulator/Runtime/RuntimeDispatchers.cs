namespace CloudResume.Emulator.Runtime;

/// <summary>Which side serves invocations: managed environments (Function:Command) or the shared queue.</summary>
public sealed record RuntimeDispatchers(EnvironmentPool? Pool, InvocationQueue? Queue)
{
    public IInvocationDispatcher Active => (IInvocationDispatcher?)Pool ?? Queue!;
}

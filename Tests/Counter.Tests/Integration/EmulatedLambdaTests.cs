namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// A class of tests of the function in a shared <see cref="EmulatedLambda"/>: each test gets a table of its own
/// and the processes it started are stopped after it, so the tests stay independent.
/// </summary>
public abstract class EmulatedLambdaTests(EmulatedLambda lambda) : IAsyncLifetime
{
    protected EmulatedLambda Lambda => lambda;

    protected string Table { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Table = await lambda.NewTableAsync();

    public Task DisposeAsync() => lambda.StopFunctionsAsync();
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>One started <see cref="CounterStack"/> (in-memory dynalite) shared by a test collection.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    private CounterStack? _stack;

    public CounterStack Stack => _stack ?? throw new InvalidOperationException("The stack is not started.");

    public async Task InitializeAsync() => _stack = await CounterStack.StartAsync();

    public async Task DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }
    }
}

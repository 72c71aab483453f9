namespace CloudResume.Tests.Emulator;

/// <summary>
/// Lambda shuts down an execution environment that has been idle for a while and cold-starts the next invocation;
/// the emulator does the same after its idle timeout (default 5 minutes, here 2 s).
/// </summary>
public sealed class IdleEnvironmentTests
{
    [Fact]
    public async Task An_environment_idle_longer_than_the_idle_timeout_is_shut_down_and_the_next_invocation_cold_starts()
    {
        var settings = TestSettings.ScriptedRuntime();
        settings.Function.IdleTimeout = TimeSpan.FromSeconds(2);
        await using var emulator = await EmulatorServer.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = emulator.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        var visits = new Uri("/visits", UriKind.Relative);

        var first = await client.GetPidAsync(visits);
        Assert.Equal(first, await client.GetPidAsync(visits)); // warm within the timeout

        await Eventually.WaitForAsync(() => !emulator.FunctionProcessIds("python3").Contains(first),
            "the idle environment to be shut down", TimeSpan.FromSeconds(20));

        var second = await client.GetPidAsync(visits);
        Assert.NotEqual(first, second);
    }
}

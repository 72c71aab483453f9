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
        var settings = TestSettings.ScriptedRuntime(("ThrottlingRateLimit", "10000"), ("ThrottlingBurstLimit", "10000"));
        settings.Stack.PhysicalIds["VisitsTable"] = "Visits";
        settings.Function.IdleTimeout = TimeSpan.FromSeconds(2);
        await using var emulator = await EmulatorServer.StartAsync(settings);
        using var client = new HttpClient { BaseAddress = emulator.Gateway, Timeout = TimeSpan.FromSeconds(30) };

        var first = await PidAsync(client);
        Assert.Equal(first, await PidAsync(client)); // warm within the timeout

        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (emulator.FunctionProcessIds("python3").Contains(first) && DateTime.UtcNow < giveUp)
        {
            await Task.Delay(250);
        }
        Assert.DoesNotContain(first, emulator.FunctionProcessIds("python3"));

        var second = await PidAsync(client);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task An_idle_timeout_below_one_second_is_refused_on_the_command_line()
    {
        var run = await EmulatorServer.RunToExitAsync(["--idle-timeout", "0"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--idle-timeout must be at least 1 second", run.Stdout + run.Stderr);
    }

    private static async Task<int> PidAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/visits");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return (int)JsonNode.Parse(text)!["pid"]!;
    }
}

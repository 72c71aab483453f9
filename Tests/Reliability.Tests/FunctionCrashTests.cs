namespace CloudResume.Tests.Reliability;

[Collection(FaultCollection.Name)]
public sealed class FunctionCrashTests(DeploymentFixture fixture)
{
    /// <summary>Visits in flight at once when one execution environment dies.</summary>
    private const int Callers = 4;

    [Fact]
    public async Task A_function_killed_mid_invocation_fails_only_its_caller()
    {
        var (deployment, api) = (fixture.Deployment, fixture.Api);
        await deployment.WarmUpAsync(api, Callers);
        var before = await api.GetViewsAsync();
        // One caller per running environment, so every environment is busy when one is killed.
        var environments = deployment.Emulator.FunctionProcessIds().Order().ToList();

        Task<VisitAnswer[]> calls;
        // Paused dynalite holds each invocation inside its environment (the function has ~4.5 s before it gives up).
        deployment.Dynalite.Process.Pause();
        try
        {
            calls = Task.WhenAll(environments.Select(_ => api.PostVisitAsync()));
            // Lets the gateway hand every event to an environment; the function waits far longer than this.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(calls.IsCompleted, "the visits should still be waiting on DynamoDB");
            Assert.Equal(environments, deployment.Emulator.FunctionProcessIds().Order().ToList());

            using var victim = Process.GetProcessById(environments[0]);
            victim.Kill(); // SIGKILL, of exactly one busy environment
        }
        finally
        {
            deployment.Dynalite.Process.Resume();
        }
        var answers = await calls;

        var failed = answers.Where(a => !a.IsOk).ToList();
        var served = answers.Where(a => a.IsOk).Select(a => a.Views!.Value).ToList();
        var all = string.Join("; ", answers.Select(a => a.ToString()));
        Assert.True(failed.Count == 1, $"expected exactly one failed caller, got: {all}");
        Assert.True((int)failed[0].Status >= 500 && !string.IsNullOrEmpty(failed[0].Message), $"the killed invocation's caller got {failed[0]}");
        Assert.True(served.Distinct().Count() == environments.Count - 1, $"the other callers each get a count of their own: {all}");
        // The killed invocation's write may or may not have reached DynamoDB before the kill.
        Assert.InRange(await api.GetViewsAsync() - before, served.Count, served.Count + 1);

        for (var i = 0; i < 3; i++)
        {
            var next = await api.PostVisitAsync();
            Assert.True(next.IsOk, $"visit {i + 1} after the crash: {next}\n{deployment.Emulator.Process.Tail()}");
        }
    }
}

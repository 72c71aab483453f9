namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// Starts execution environments before a load, a few at a time: a load that met 64 simultaneous cold starts
/// on 2 cores (a JIT build needs ~1.4 s CPU each) would blow the 5 s deadline, and every timed-out
/// environment is replaced by yet another cold start.
/// </summary>
public static class EnvironmentWarmUp
{
    /// <summary>Until at least <paramref name="environments"/> execution environments run, through a client of its own.</summary>
    public static async Task WarmUpAsync(this LocalDeployment deployment, int environments)
    {
        using var api = new VisitsApi(deployment.Emulator.GatewayPort);
        await deployment.WarmUpAsync(api, environments);
    }

    /// <summary>Until at least <paramref name="environments"/> execution environments run.</summary>
    public static async Task WarmUpAsync(this LocalDeployment deployment, VisitsApi api, int environments)
    {
        // Measured here: a Native AOT cold start costs ~20 ms, a JIT one ~1.4 s of CPU.
        var coldStartsPerStep = deployment.IsNativeAot ? 16 : 3;
        // Four times the steps a clean run needs, and never fewer than four (a few environments on AOT need one).
        var steps = Math.Max(4, 4 * environments / coldStartsPerStep);
        for (var step = 0; ; step++)
        {
            var running = deployment.Emulator.FunctionProcessIds().Count;
            if (running >= environments)
            {
                return;
            }
            Assert.True(step < steps, $"Could not start {environments} execution environments in {steps} steps (running: {running}).");
            var width = Math.Min(environments, running + coldStartsPerStep);
            Task<VisitAnswer[]> calls;
            // While DynamoDB is paused each GET (which counts nothing) holds its environment, so the burst
            // needs exactly `width` of them; the pause lasts only until they are spawned.
            deployment.Dynalite.Process.Pause();
            try
            {
                calls = Task.WhenAll(Enumerable.Range(0, width).Select(_ => api.GetVisitsAsync()));
                for (var poll = 0; poll < 100 && deployment.Emulator.FunctionProcessIds().Count < width; poll++)
                {
                    await Task.Delay(20);
                }
            }
            finally
            {
                deployment.Dynalite.Process.Resume();
            }
            await calls; // a timed-out cold start is replaced on the next step
        }
    }
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// The counter as a user reaches it: dynalite with the Visits table, the emulator in front, the function
/// behind it — all real processes. <see cref="Dynalite"/> is exposed so tests can pause, kill and restart it.
/// </summary>
public sealed class CounterStack : IAsyncDisposable
{
    public const string TableName = "Visits";

    private CounterStack(DynaliteServer dynalite, EmulatorServer emulator)
    {
        Dynalite = dynalite;
        Emulator = emulator;
        Api = new VisitsApi(emulator.GatewayPort);
    }

    public DynaliteServer Dynalite { get; }

    public EmulatorServer Emulator { get; }

    public VisitsApi Api { get; }

    /// <param name="dataDirectory">Where dynalite persists (so it can be killed and restarted); null = in memory.</param>
    public static async Task<CounterStack> StartAsync(string? dataDirectory = null)
    {
        var dynalite = await DynaliteServer.StartAsync(dataDirectory);
        try
        {
            await dynalite.CreateTableAsync(TableName);
            var emulator = await EmulatorServer.StartAsync(dynalite.Endpoint);
            return new CounterStack(dynalite, emulator);
        }
        catch
        {
            await dynalite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts <paramref name="environments"/> execution environments before a load, a few at a time: a load
    /// that met 64 simultaneous cold starts on 2 cores (a JIT build needs ~1.4 s CPU each) would blow the
    /// 5 s deadline, and every timed-out environment is replaced by yet another cold start.
    /// </summary>
    public async Task WarmUpAsync(int environments)
    {
        // Measured here: a Native AOT cold start costs ~20 ms, a JIT one ~1.4 s of CPU.
        var coldStartsPerStep = FunctionExecutable.IsNativeAot ? 16 : 3;
        for (var step = 0; step < 4 * environments / coldStartsPerStep; step++)
        {
            var running = Emulator.FunctionProcessIds().Count;
            if (running >= environments)
            {
                return;
            }
            var width = Math.Min(environments, running + coldStartsPerStep);
            Task<VisitAnswer[]> calls;
            // While DynamoDB is paused each GET (which counts nothing) holds its environment, so the burst
            // needs exactly `width` of them; the pause lasts only until they are spawned.
            Dynalite.Process.Pause();
            try
            {
                calls = Task.WhenAll(Enumerable.Range(0, width).Select(_ => Api.GetVisitsAsync()));
                for (var poll = 0; poll < 100 && Emulator.FunctionProcessIds().Count < width; poll++)
                {
                    await Task.Delay(20);
                }
            }
            finally
            {
                Dynalite.Process.Resume();
            }
            await calls; // a timed-out cold start is replaced on the next step
        }
        Assert.Fail($"Could not start {environments} execution environments (running: {Emulator.FunctionProcessIds().Count}).");
    }

    public async ValueTask DisposeAsync()
    {
        Api.Dispose();
        await Emulator.DisposeAsync();
        await Dynalite.DisposeAsync();
    }
}

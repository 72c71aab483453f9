namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// A <see cref="ReliabilityDeployment"/> whose dynalite persists to a scratch folder, so a test can kill and restart it
/// under load; warmed up to one execution environment per caller, with a browser's client. Disposing it stops
/// everything and deletes the data.
/// </summary>
public sealed class RestartableDeployment : IAsyncDisposable
{
    private readonly ScratchDirectory _data;
    private LocalDeployment? _deployment;
    private VisitsApi? _api;

    private RestartableDeployment(ScratchDirectory data) => _data = data;

    public LocalDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment is not started.");

    public VisitsApi Api => _api ?? throw new InvalidOperationException("The deployment is not started.");

    /// <param name="purpose">Names the data folder (what is left of a crashed run says whose it was).</param>
    /// <param name="callers">Execution environments to start before the load.</param>
    public static async Task<RestartableDeployment> StartAsync(string purpose, int callers)
    {
        var started = new RestartableDeployment(new ScratchDirectory(purpose));
        try
        {
            started._deployment = await ReliabilityDeployment.StartAsync(started._data.Path);
            started._api = new VisitsApi(started._deployment.Emulator.GatewayPort);
            await started._deployment.WarmUpAsync(started._api, callers);
            return started;
        }
        catch
        {
            // A start that failed half-way still leaves processes and a folder behind.
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
        _data.Dispose();
    }
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// A <see cref="ReliabilityDeployment"/> whose dynalite persists to a scratch folder, so a test can kill and restart it
/// under load; warmed up to one execution environment per caller, with a browser's client. Disposing it stops
/// everything and deletes the data.
/// </summary>
/// <remarks>Owns the parts it is given: disposing it disposes them.</remarks>
public sealed class RestartableDeployment(ScratchDirectory data, LocalDeployment deployment, VisitsApi api) : IAsyncDisposable
{
    public LocalDeployment Deployment => deployment;

    public VisitsApi Api => api;

    /// <param name="purpose">Names the data folder (what is left of a crashed run says whose it was).</param>
    /// <param name="callers">Execution environments to start before the load.</param>
    public static async Task<RestartableDeployment> StartAsync(string purpose, int callers)
    {
        var data = new ScratchDirectory(purpose);
        LocalDeployment? started = null;
        VisitsApi? client = null;
        try
        {
            started = await ReliabilityDeployment.StartAsync(data.Path);
            client = new VisitsApi(started.Emulator.GatewayPort);
            await started.WarmUpAsync(client, callers);
            return new RestartableDeployment(data, started, client);
        }
        catch
        {
            // A start that failed half-way still leaves processes and a folder behind.
            client?.Dispose();
            if (started is not null)
            {
                await started.DisposeAsync();
            }
            data.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        await deployment.DisposeAsync();
        data.Dispose();
    }
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>One <see cref="ReliabilityDeployment"/> (in-memory dynalite) and a browser's client of it, shared by a test collection.</summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    private LocalDeployment? _deployment;
    private VisitsApi? _api;

    public LocalDeployment Deployment => _deployment ?? throw new InvalidOperationException("The deployment is not started.");

    public VisitsApi Api => _api ?? throw new InvalidOperationException("The deployment is not started.");

    public async Task InitializeAsync()
    {
        _deployment = await ReliabilityDeployment.StartAsync();
        _api = new VisitsApi(_deployment.Emulator.GatewayPort);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_deployment is not null)
        {
            await _deployment.DisposeAsync();
        }
    }
}

using CloudResume.Tests.Emulator.Support;

namespace CloudResume.Tests.Emulator;

/// <summary>
/// One emulator for the gateway conformance tests: the real template, CORS for <see cref="SiteOrigin"/>,
/// a reserved concurrency of <see cref="Concurrency"/>, a stage throttle far above the tests' rate, and
/// the Python scripted runtime as the function (started by the emulator itself).
/// </summary>
public sealed class ManagedEmulatorFixture : IAsyncLifetime
{
    public const string SiteOrigin = "http://localhost:5173";
    public const int Concurrency = 3;

    public EmulatorProcess Emulator { get; private set; } = null!;
    public HttpClient Client => Emulator.Client;

    public async Task InitializeAsync() => Emulator = await EmulatorProcess.StartAsync(ScriptedRuntime.Arguments(
        "--parameter", $"SiteOrigin={SiteOrigin}",
        "--parameter", $"ReservedConcurrency={Concurrency}",
        "--parameter", "ThrottlingRateLimit=10000",
        "--parameter", "ThrottlingBurstLimit=10000",
        "--PhysicalIds:VisitsTable=Visits",
        "--Function:Environment:EXTRA_SETTING=from-config"));

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public Uri Url(string pathAndQuery) => new(Emulator.Gateway, pathAndQuery);
}

/// <summary>Every test class on the shared managed emulator runs in this collection (one process, tests in sequence).</summary>
[CollectionDefinition(Name)]
public sealed class ManagedEmulatorCollection : ICollectionFixture<ManagedEmulatorFixture>
{
    public const string Name = "managed emulator";
}

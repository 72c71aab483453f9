using CloudResume.Tests.Emulator.Support;

namespace CloudResume.Tests.Emulator;

/// <summary>
/// An emulator with no Function:Command: the tests themselves poll the shared Runtime API as an external
/// runtime would. No SiteOrigin, so the API has no CorsConfiguration.
/// </summary>
public sealed class ExternalEmulatorFixture : IAsyncLifetime
{
    public EmulatorProcess Emulator { get; private set; } = null!;
    public HttpClient Client => Emulator.Client;

    public async Task InitializeAsync() => Emulator = await EmulatorProcess.StartAsync(
        "--parameter", "ReservedConcurrency=2",
        "--parameter", "ThrottlingRateLimit=10000",
        "--parameter", "ThrottlingBurstLimit=10000");

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    public TestRuntime NewRuntime() => new(Emulator.Runtime);
    public Uri Url(string pathAndQuery) => new(Emulator.Gateway, pathAndQuery);
}

[CollectionDefinition(Name)]
public sealed class ExternalEmulatorCollection : ICollectionFixture<ExternalEmulatorFixture>
{
    public const string Name = "external runtime emulator";
}

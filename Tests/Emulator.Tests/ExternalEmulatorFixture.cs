namespace CloudResume.Tests.Emulator;

/// <summary>
/// An emulator with no function command: the tests themselves poll the shared Runtime API as an external
/// runtime would. No SiteOrigin, so the API has no CorsConfiguration.
/// </summary>
public sealed class ExternalEmulatorFixture : EmulatorFixture
{
    protected override EmulatorSettings Settings() => TestSettings.ExternalRuntime(
        ("ReservedConcurrency", "2"), ("ThrottlingRateLimit", "10000"), ("ThrottlingBurstLimit", "10000"));

    public TestRuntime NewRuntime() => new(Emulator.Runtime);

    /// <summary>The event a caller's <paramref name="call"/> (already sent) became, taken by a new runtime.</summary>
    public Task<Invocation> InvokeAsync(Task<HttpResponseMessage> call) => Invocation.StartAsync(Emulator.Runtime, call);
}

[CollectionDefinition(Name)]
public sealed class ExternalEmulatorCollection : ICollectionFixture<ExternalEmulatorFixture>
{
    public const string Name = "external runtime emulator";
}

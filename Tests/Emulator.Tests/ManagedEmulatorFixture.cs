namespace CloudResume.Tests.Emulator;

/// <summary>
/// One emulator for the gateway conformance tests: the real template, CORS for <see cref="SiteOrigin"/>,
/// a reserved concurrency of <see cref="Concurrency"/>, a stage throttle far above the tests' rate, and
/// the Python scripted runtime as the function (started by the emulator itself).
/// </summary>
public sealed class ManagedEmulatorFixture : EmulatorFixture
{
    public const string SiteOrigin = "http://localhost:5173";
    public const int Concurrency = 3;

    /// <summary>Information: the function's output reaches the console at this level (one test checks that it does).</summary>
    protected override string LogLevel => "Information";

    protected override EmulatorSettings Settings()
    {
        var settings = TestSettings.ScriptedRuntime(
            ("SiteOrigin", SiteOrigin), ("ReservedConcurrency", $"{Concurrency}"),
            ("ThrottlingRateLimit", "10000"), ("ThrottlingBurstLimit", "10000"));
        settings.Stack.PhysicalIds["VisitsTable"] = "Visits";
        settings.Function.Environment["EXTRA_SETTING"] = "from-config";
        return settings;
    }
}

/// <summary>Every test class on the shared managed emulator runs in this collection (one process, tests in sequence).</summary>
[CollectionDefinition(Name)]
public sealed class ManagedEmulatorCollection : ICollectionFixture<ManagedEmulatorFixture>
{
    public const string Name = "managed emulator";
}

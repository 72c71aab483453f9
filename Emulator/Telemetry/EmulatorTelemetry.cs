using System.Diagnostics.Metrics;

namespace CloudResume.Emulator.Telemetry;

/// <summary>The emulator's own spans and metrics (the HTTP API's), registered with OpenTelemetry beside ASP.NET Core's.</summary>
public sealed class EmulatorTelemetry : IDisposable
{
    public const string Name = "CloudResume.Emulator";

    private readonly Meter _meter;

    public EmulatorTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        StageThrottles = _meter.CreateCounter<long>("http_api.throttled_requests", "{request}", "Requests the stage throttle answered 429.");
    }

    public ActivitySource Source { get; } = new(Name);

    public Counter<long> StageThrottles { get; }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}

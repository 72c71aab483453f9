using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudResume.Emulator.Telemetry;

/// <summary>The emulator's spans and metrics; both are registered with OpenTelemetry in Program.cs.</summary>
public sealed class EmulatorTelemetry : IDisposable
{
    public const string Name = "CloudResume.Emulator";

    public ActivitySource Source { get; } = new(Name);
    private readonly Meter _meter;

    public EmulatorTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        Invocations = _meter.CreateCounter<long>("emulator.lambda.invocations", "{invocation}", "Function invocations, by outcome.");
        Errors = _meter.CreateCounter<long>("emulator.lambda.errors", "{invocation}", "Invocations that ended in a function, runtime or timeout error.");
        Throttles = _meter.CreateCounter<long>("emulator.throttles", "{request}", "Requests refused by the stage throttle or the concurrency cap.");
        Duration = _meter.CreateHistogram<double>("emulator.lambda.duration", "ms", "Invocation duration, as Lambda bills it.");
        ConcurrentExecutions = _meter.CreateUpDownCounter<long>("emulator.lambda.concurrent_executions", "{invocation}", "Invocations in flight.");
    }

    public Counter<long> Invocations { get; }
    public Counter<long> Errors { get; }
    public Counter<long> Throttles { get; }
    public Histogram<double> Duration { get; }
    public UpDownCounter<long> ConcurrentExecutions { get; }

    public void Dispose()
    {
        Source.Dispose();
        _meter.Dispose();
    }
}

using System.Diagnostics;
using CloudResume.Counter.Runtime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CloudResume.Counter.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics over OTLP, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set. The OTLP
/// exporter itself reads OTEL_EXPORTER_OTLP_ENDPOINT/_PROTOCOL/_HEADERS (and per-signal variants).
/// Lambda freezes the process after the response, so buffers are flushed before each response.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    private TelemetryPipeline(TracerProvider tracer, MeterProvider meter)
    {
        _tracer = tracer;
        _meter = meter;
    }

    public static TelemetryPipeline? Create(LambdaEnvironment environment)
    {
        if (environment.OtlpEndpoint is null)
        {
            return null;
        }
        var resource = ResourceBuilder.CreateDefault()
            .AddService(environment.ServiceName)
            .AddAttributes(
            [
                new("cloud.provider", "aws"),
                new("cloud.platform", "aws_lambda"),
                new("cloud.region", environment.Region ?? ""),
                new("faas.name", environment.FunctionName),
                new("faas.max_memory", (environment.MemorySizeMb ?? 0) * 1024L * 1024L),
            ]);
        var tracer = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(CounterTelemetry.Name)
            .AddOtlpExporter()
            .Build();
        var meter = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(CounterTelemetry.Name)
            .AddOtlpExporter()
            .Build();
        return new TelemetryPipeline(tracer, meter);
    }

    /// <summary>Exports what is buffered, waiting at most <paramref name="budget"/> (traces and metrics in parallel).</summary>
    public void Flush(TimeSpan budget)
    {
        var ms = (int)Math.Max(1, budget.TotalMilliseconds);
        var metrics = Task.Run(() => _meter.ForceFlush(ms));
        _tracer.ForceFlush(ms);
        metrics.Wait(ms);
    }

    public static Activity? StartInvocation(string name, ActivityContext? parent, InvocationContext context)
    {
        var activity = CounterTelemetry.Source.StartActivity(name, ActivityKind.Server, parent ?? default);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("faas.trigger", "http");
            activity.SetTag("faas.invocation_id", context.RequestId);
            activity.SetTag("cloud.resource_id", context.InvokedFunctionArn);
        }
        return activity;
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meter.Dispose();
    }
}

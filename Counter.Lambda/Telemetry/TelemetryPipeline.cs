using CloudResume.Counter.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CloudResume.Counter.Telemetry;

/// <summary>
/// OpenTelemetry traces and logs over OTLP, on only when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads
/// OTEL_EXPORTER_OTLP_* itself). Lambda freezes the process after the response, so both are flushed before each
/// response. The function's metrics travel as CloudWatch embedded metric format in its log lines instead: Lambda
/// and the emulator aggregate them across execution environments, which a per-process meter cannot.
/// </summary>
public sealed class TelemetryPipeline : IDisposable
{
    private readonly TracerProvider _tracer;
    private readonly ServiceProvider _logging;
    private readonly LoggerProvider _logs;

    private TelemetryPipeline(TracerProvider tracer, ServiceProvider logging)
    {
        _tracer = tracer;
        _logging = logging;
        _logs = logging.GetRequiredService<LoggerProvider>();
        Logger = logging.GetRequiredService<ILoggerFactory>().CreateLogger(CounterTelemetry.Name);
    }

    /// <summary>Where <see cref="Logging.FunctionLog"/> also sends its records (with the current span's ids).</summary>
    public ILogger Logger { get; }

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
        var logging = new ServiceCollection()
            .AddLogging(builder => builder.AddOpenTelemetry(options =>
            {
                options.SetResourceBuilder(resource);
                options.IncludeFormattedMessage = true;
                options.AddOtlpExporter();
            }))
            .BuildServiceProvider();
        return new TelemetryPipeline(tracer, logging);
    }

    /// <summary>Exports what is buffered, waiting at most <paramref name="budget"/> (traces and logs in parallel).</summary>
    public void Flush(TimeSpan budget)
    {
        var ms = (int)Math.Max(1, budget.TotalMilliseconds);
        var logs = Task.Run(() => _logs.ForceFlush(ms));
        _tracer.ForceFlush(ms);
        logs.Wait(ms);
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
        _logging.Dispose();
    }
}

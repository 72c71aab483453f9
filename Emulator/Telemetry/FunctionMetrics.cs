using System.Diagnostics.Metrics;
using CloudResume.Emulator.Runtime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace CloudResume.Emulator.Telemetry;

/// <summary>
/// The metrics the Lambda service keeps for a function (CloudWatch's AWS/Lambda namespace) and those the function
/// publishes itself in embedded metric format, exported under the FUNCTION's service name by this long-lived
/// process: they survive any execution environment, so a count never drops when one retires.
/// </summary>
public sealed class FunctionMetrics : IDisposable
{
    public const string MeterName = "CloudResume.Emulator.Function";

    private readonly Meter _meter = new(MeterName);
    private readonly MeterProvider? _provider;
    private readonly Dictionary<string, Counter<double>> _embedded = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private Func<int> _environments = () => 0;

    public FunctionMetrics(EmulatedFunction function)
    {
        Tags = new TagList { { "faas.name", function.Name } };
        Invocations = _meter.CreateCounter<long>("lambda.invocations", "{invocation}", "Invocations, by outcome.");
        Errors = _meter.CreateCounter<long>("lambda.errors", "{invocation}", "Invocations that ended in a function, runtime or timeout error.");
        Throttles = _meter.CreateCounter<long>("lambda.throttles", "{invocation}", "Invocations refused: the reserved concurrency was in use.");
        ColdStarts = _meter.CreateCounter<long>("lambda.cold_starts", "{environment}", "Execution environments started for an invocation.");
        Duration = _meter.CreateHistogram<double>("lambda.duration", "ms", "Invocation duration, as Lambda bills it.");
        ConcurrentExecutions = _meter.CreateUpDownCounter<long>("lambda.concurrent_executions", "{invocation}", "Invocations in flight.");
        _meter.CreateObservableGauge("lambda.environments", () => new Measurement<int>(_environments(), Tags), "{environment}", "Live execution environments.");

        // Exported only where there is somewhere to export to (the AppHost's dashboard sets the endpoint).
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
        {
            _provider = Sdk.CreateMeterProviderBuilder()
                .SetResourceBuilder(ResourceBuilder.CreateDefault()
                    .AddService(function.Settings.ServiceName, autoGenerateServiceInstanceId: false, serviceInstanceId: "lambda-service")
                    .AddAttributes([new("faas.name", function.Name), new("cloud.provider", "aws"), new("cloud.platform", "aws_lambda")]))
                .AddMeter(MeterName)
                .AddOtlpExporter()
                .Build();
        }
    }

    public TagList Tags { get; }
    public Counter<long> Invocations { get; }
    public Counter<long> Errors { get; }
    public Counter<long> Throttles { get; }
    public Counter<long> ColdStarts { get; }
    public Histogram<double> Duration { get; }
    public UpDownCounter<long> ConcurrentExecutions { get; }

    /// <summary>Where the live-environment gauge reads its value.</summary>
    public void ObserveEnvironments(Func<int> count) => _environments = count;

    /// <summary>A value the function published in embedded metric format (a <c>Count</c> metric such as <c>Visits</c>).</summary>
    public void RecordEmbedded(EmbeddedMetric metric)
    {
        Counter<double> counter;
        lock (_gate)
        {
            if (!_embedded.TryGetValue(metric.Name, out counter!))
            {
                _embedded[metric.Name] = counter = _meter.CreateCounter<double>(metric.Name.ToLowerInvariant(), metric.Unit, $"{metric.Namespace}/{metric.Name}, published by the function (embedded metric format).");
            }
        }
        var tags = Tags;
        foreach (var (name, value) in metric.Dimensions)
        {
            tags.Add(name, value);
        }
        counter.Add(metric.Value, tags);
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _meter.Dispose();
    }
}

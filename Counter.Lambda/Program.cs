using CloudResume.Counter.Counting;
using CloudResume.Counter.Http;
using CloudResume.Counter.Logging;
using CloudResume.Counter.Runtime;
using CloudResume.Counter.Telemetry;

// The `bootstrap` of a provided.al2023 custom runtime: configure, then serve invocations until killed.
var environment = LambdaEnvironment.FromProcess();
var log = JsonLineLogger.Stdout;
var heapLimit = GcHeapLimit.Apply(environment.MemorySizeMb);

if (environment.RuntimeApi is null)
{
    log.Error("AWS_LAMBDA_RUNTIME_API is not set: this program runs inside Lambda or a Runtime API emulator.");
    return 2;
}

using var runtime = new RuntimeApiClient(environment.RuntimeApi);
if (environment.TableName is null)
{
    const string message = "TABLE_NAME is not set.";
    log.Error(message);
    await runtime.PostInitErrorAsync(RuntimeError.From("Runtime.InvalidConfiguration", message), CancellationToken.None);
    return 1;
}

using var dynamo = DynamoDbClientFactory.Create(environment);
var counter = new VisitCounter(dynamo, environment.TableName, new DailySalt(dynamo, environment.TableName));
using var telemetry = TelemetryPipeline.Create(environment);
var handler = new VisitsHandler(counter, TimeProvider.System, log);
log.Info("Initialized", fields: w =>
{
    w.WriteString("table", environment.TableName);
    w.WriteNumber("gcHeapLimitBytes", heapLimit);
    w.WriteBoolean("telemetry", telemetry is not null);
    w.WriteBoolean("nativeAot", !System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported);
});

try
{
    await new LambdaBootstrap(runtime, handler, telemetry, log, TimeProvider.System).RunAsync(CancellationToken.None);
    return 0;
}
catch (Exception exception)
{
    // Only the Runtime API going away gets here; Lambda starts a fresh process.
    log.Error("Runtime API loop ended", fields: w => w.WriteString("error", exception.Message));
    return 3;
}

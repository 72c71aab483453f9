using Amazon.DynamoDBv2;
using CloudResume.Contracts.RuntimeApi;
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
    return await InitFailedAsync("Runtime.InvalidConfiguration", "TABLE_NAME is not set.");
}
if (environment.Region is null && environment.DynamoDbEndpoint is null)
{
    return await InitFailedAsync("Runtime.InvalidConfiguration", "AWS_REGION is not set.");
}

AmazonDynamoDBClient dynamo;
TelemetryPipeline? telemetry;
HttpApiFunction function;
try
{
    dynamo = DynamoDbClientFactory.Create(environment);
    var counter = new VisitCounter(dynamo, environment.TableName, new DailySalt(dynamo, environment.TableName));
    telemetry = TelemetryPipeline.Create(environment);
    function = new HttpApiFunction(new VisitsHandler(counter, TimeProvider.System, log), telemetry, log, TimeProvider.System);
}
catch (Exception exception)
{
    // Lambda shows an init error to the first caller and starts a fresh environment for the next.
    return await InitFailedAsync("Runtime.InitError", exception.Message);
}
using var disposeDynamo = dynamo;
using var disposeTelemetry = telemetry;
log.Info("Initialized", fields: w =>
{
    w.WriteString("table", environment.TableName);
    w.WriteNumber("gcHeapLimitBytes", heapLimit);
    w.WriteBoolean("telemetry", telemetry is not null);
    // PublishAot turns dynamic code off in the JIT build too; only the native binary has no assembly file
    // (the empty Location that IL3000 warns about is the very signal wanted here).
#pragma warning disable IL3000
    w.WriteBoolean("nativeAot", string.IsNullOrEmpty(typeof(LambdaBootstrap).Assembly.Location));
#pragma warning restore IL3000
});

try
{
    await new LambdaBootstrap(runtime, function.InvokeAsync, log).RunAsync(CancellationToken.None);
    return 0;
}
catch (Exception exception)
{
    // Only the Runtime API going away gets here; Lambda starts a fresh process.
    log.Error("Runtime API loop ended", fields: w => w.WriteString("error", exception.Message));
    return 3;
}

async Task<int> InitFailedAsync(string errorType, string message)
{
    log.Error(message);
    await runtime.PostInitErrorAsync(new LambdaError(message, errorType, []), CancellationToken.None);
    return 1;
}

using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2;
using CloudResume.Contracts.RuntimeApi;
using CloudResume.Counter.Counting;
using CloudResume.Counter.Http;
using CloudResume.Counter.Logging;
using CloudResume.Counter.Runtime;
using CloudResume.Counter.Telemetry;

// The `bootstrap` of a provided.al2023 custom runtime: configure, then serve invocations until killed.
var environment = LambdaEnvironment.FromProcess();
var telemetry = TelemetryPipeline.Create(environment);
var log = FunctionLog.Stdout(telemetry?.Logger);
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
HttpApiFunction function;
try
{
    dynamo = DynamoDbClientFactory.Create(environment);
    var counter = new VisitCounter(dynamo, environment.TableName, new DailySalt(dynamo, environment.TableName), new VisitorAllowance(environment.Limits), log);
    function = new HttpApiFunction(new VisitsHandler(counter, TimeProvider.System, log), telemetry, log, TimeProvider.System);
}
catch (Exception exception)
{
    // Lambda shows an init error to the first caller and starts a fresh environment for the next.
    return await InitFailedAsync("Runtime.InitError", exception.Message);
}
using var disposeDynamo = dynamo;
using var disposeTelemetry = telemetry;
log.Info("Initialized", null,
    ("table", environment.TableName),
    ("maxViewsPerVisitorPerDay", environment.Limits.ViewsPerVisitorPerDay),
    ("maxVisitorsPerAddressPerDay", environment.Limits.VisitorsPerAddressPerDay),
    ("gcHeapLimitBytes", heapLimit),
    ("telemetry", telemetry is not null),
    ("nativeAot", IsNativeAot()));

try
{
    await new LambdaBootstrap(runtime, function.InvokeAsync, log).RunAsync(CancellationToken.None);
    return 0;
}
catch (Exception exception)
{
    // Only the Runtime API going away gets here; Lambda starts a fresh process.
    log.Error("Runtime API loop ended", null, ("error", exception.Message));
    return 3;
}

async Task<int> InitFailedAsync(string errorType, string message)
{
    log.Error(message);
    await runtime.PostInitErrorAsync(new LambdaError(message, errorType, []), CancellationToken.None);
    return 1;
}

// PublishAot turns dynamic code off in the JIT build too; only the native binary has no assembly file.
[UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "The empty Location IL3000 warns about is the very signal wanted.")]
static bool IsNativeAot() => string.IsNullOrEmpty(typeof(LambdaBootstrap).Assembly.Location);

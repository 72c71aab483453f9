using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CloudResume.Bench;

/// <summary>
/// The counter as the throughput benchmark runs it: dynalite with the Visits table, and the Release emulator
/// running the Native AOT function (reserved concurrency 72 for 64 callers, no stage throttle).
/// </summary>
public sealed class CounterDeployment : IDisposable
{
    public const string TableName = "Visits";

    private readonly BackgroundProcess _dynalite;
    private readonly BackgroundProcess? _emulator;

    private CounterDeployment(BackgroundProcess dynalite, int dynalitePort, BackgroundProcess? emulator, int gatewayPort)
    {
        _dynalite = dynalite;
        _emulator = emulator;
        DynalitePort = dynalitePort;
        GatewayPort = gatewayPort;
    }

    public int DynalitePort { get; }

    public int GatewayPort { get; }

    public int EmulatorProcessId => _emulator?.Id ?? throw new InvalidOperationException("No emulator.");

    /// <param name="functionEndpoint">Where the function sends DynamoDB calls (a counting proxy); default dynalite.</param>
    public static async Task<CounterDeployment> StartAsync(bool withEmulator, Func<int, string>? functionEndpoint = null)
    {
        var dynalitePort = BenchEnvironment.FreePort();
        var dynalite = await BackgroundProcess.StartAsync("node",
            [Path.Combine(BenchEnvironment.Root, "node_modules", "dynalite", "cli.js"), "--host", "127.0.0.1", "--port", $"{dynalitePort}", "--createTableMs", "0"],
            dynalitePort);
        try
        {
            using (var client = CreateClient(dynalitePort))
            {
                await client.CreateTableAsync(new CreateTableRequest
                {
                    TableName = TableName,
                    AttributeDefinitions = [new AttributeDefinition("Id", ScalarAttributeType.S)],
                    KeySchema = [new KeySchemaElement("Id", KeyType.HASH)],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                });
            }
            if (!withEmulator)
            {
                return new CounterDeployment(dynalite, dynalitePort, null, 0);
            }
            var gatewayPort = BenchEnvironment.FreePort();
            var endpoint = functionEndpoint?.Invoke(dynalitePort) ?? $"http://127.0.0.1:{dynalitePort}";
            var emulator = await BackgroundProcess.StartAsync("dotnet",
            [
                BenchEnvironment.EmulatorDll, "--template", "infra/template.yaml",
                "--gateway-port", $"{gatewayPort}", "--runtime-port", $"{BenchEnvironment.FreePort()}",
                "--parameter", "ReservedConcurrency=72", "--parameter", "ThrottlingRateLimit=1000000", "--parameter", "ThrottlingBurstLimit=1000000",
                "--physical-id", $"VisitsTable={TableName}", "--env", $"AWS_ENDPOINT_URL_DYNAMODB={endpoint}",
                "--Function:Command", BenchEnvironment.AotBootstrap,
            ], gatewayPort, new Dictionary<string, string?>
            {
                // Per-request console logging would measure the console.
                ["Logging__LogLevel__Default"] = "Warning",
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            });
            return new CounterDeployment(dynalite, dynalitePort, emulator, gatewayPort);
        }
        catch
        {
            dynalite.Dispose();
            throw;
        }
    }

    /// <summary>An SDK client for dynalite, configured as a caller in the same region would be.</summary>
    public static AmazonDynamoDBClient CreateClient(int port) => new(
        new BasicAWSCredentials("bench", "bench"),
        new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{port}", AuthenticationRegion = "us-east-1" });

    public void Dispose()
    {
        _emulator?.Dispose();
        _dynalite.Dispose();
    }
}

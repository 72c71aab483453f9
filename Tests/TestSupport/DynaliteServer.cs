using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CloudResume.Tests.Support;

/// <summary>
/// A local DynamoDB (dynalite from the repository's node_modules) on a free port. In memory by default;
/// with a data directory it survives Stop/Start, which fault tests use to take DynamoDB away and back.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly string? _dataDirectory;
    private ChildProcess? _process;

    private DynaliteServer(int port, string? dataDirectory)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    /// <summary>For AWS_ENDPOINT_URL_DYNAMODB / ServiceURL.</summary>
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The node process, e.g. to Pause()/Resume() it.</summary>
    public ChildProcess Process => _process ?? throw new InvalidOperationException("dynalite is not running.");

    /// <param name="dataDirectory">LevelDB directory for persistence across Stop/Start; null keeps data in memory.</param>
    public static async Task<DynaliteServer> StartAsync(string? dataDirectory = null, int? port = null)
    {
        var server = new DynaliteServer(port ?? FreePort.Next(), dataDirectory);
        await server.StartAsync();
        return server;
    }

    /// <summary>(Re)starts the server on the same port.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var cli = RepositoryPaths.Combine("node_modules", "dynalite", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"dynalite not installed ({cli}); run `npm ci` in {RepositoryPaths.Root}.");
        }
        List<string> arguments = [cli, "--host", "127.0.0.1", "--port", Port.ToString(), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"];
        if (_dataDirectory is not null)
        {
            Directory.CreateDirectory(_dataDirectory);
            arguments.AddRange(["--path", _dataDirectory]);
        }
        _process = ChildProcess.Start("node", arguments);
        var process = _process;
        await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(20), () => !process.HasExited);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"dynalite exited ({process.ExitCode}).\n{process.Output}");
        }
    }

    /// <summary>Stops the server (kills the process); its port stays reserved for <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>A client for this server with dummy credentials (dynalite does not check signatures).</summary>
    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("test", "test"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = Region, MaxErrorRetry = 1 });

    /// <summary>Creates a table with key Id (S), on-demand — the Visits table's schema.</summary>
    public async Task CreateTableAsync(string tableName, string hashKey = "Id")
    {
        using var client = CreateClient();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = tableName,
            AttributeDefinitions = [new AttributeDefinition(hashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
            BillingMode = BillingMode.PAY_PER_REQUEST,
        });
        for (var i = 0; i < 100; i++)
        {
            var table = await client.DescribeTableAsync(tableName);
            if (table.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"Table {tableName} did not become ACTIVE.");
    }

    /// <summary>Environment variables that point an AWS SDK process at this server.</summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment() => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint,
        ["AWS_REGION"] = Region,
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
    };

    public async ValueTask DisposeAsync() => await StopAsync();
}

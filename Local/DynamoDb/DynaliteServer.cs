using Amazon.DynamoDBv2;
using CloudResume.CloudFormation;
using CloudResume.Local.Processes;
using CloudResume.Local.Repository;

namespace CloudResume.Local.DynamoDb;

/// <summary>
/// dynalite as a process on a free port, for tests and benchmarks (the AppHost runs the same command as a
/// resource). In memory by default; with a data folder it survives Stop/Start, which fault tests use to take
/// DynamoDB away and bring it back on the same port.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly string? _dataDirectory;
    private LocalProcess? _process;

    private DynaliteServer(int port, string? dataDirectory)
    {
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The node process, e.g. to Pause()/Resume() it or read its CPU time.</summary>
    public LocalProcess Process => _process ?? throw new InvalidOperationException("dynalite is not running.");

    /// <param name="dataDirectory">LevelDB folder for persistence across Stop/Start; null keeps data in memory.</param>
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
        var repository = RepositoryLayout.Current;
        DynaliteCommand.RequireInstalled(repository);
        if (_dataDirectory is not null)
        {
            Directory.CreateDirectory(_dataDirectory);
        }
        _process = await LocalProcess.StartServerAsync(
            new ProcessStart(DynaliteCommand.Program, DynaliteCommand.Arguments(repository, Port, _dataDirectory)), Port, TimeSpan.FromSeconds(20));
    }

    /// <summary>Kills the server (SIGKILL: no flush); its port stays reserved for <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public AmazonDynamoDBClient CreateClient() => new(
        LocalCredentials.Basic,
        new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = Region, MaxErrorRetry = 1 });

    /// <summary>The template's table, under <paramref name="tableName"/>, created and ACTIVE.</summary>
    public async Task<TableDefinition> CreateTableAsync(string tableName)
    {
        var table = LocalTemplate.Table(tableName);
        using var client = CreateClient();
        await TableProvisioner.EnsureActiveAsync(client, table, CancellationToken.None);
        return table;
    }

    /// <summary>The variables that point the function (an AWS SDK process) at this server.</summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment() => LocalCredentials.DynamoDbEnvironment(Endpoint, Region);

    public async ValueTask DisposeAsync() => await StopAsync();
}

using CloudResume.Contracts.LocalSystem;
using CloudResume.Local.DynamoDb;
using CloudResume.Local.Emulator;
using CloudResume.Local.Function;

namespace CloudResume.Local;

/// <summary>
/// The counter deployed on this machine as real processes, the way a visitor reaches it: dynalite with the
/// template's table, the emulator's HTTP API in front, the function's <c>bootstrap</c> behind it as managed
/// execution environments. For tests and benchmarks (the AppHost composes the same parts as resources).
/// </summary>
public sealed class LocalDeployment : IAsyncDisposable
{
    // Started only by StartAsync, which disposes what it started when a later part fails.
    private LocalDeployment()
    {
    }

    public required DynaliteServer Dynalite { get; init; }

    public required EmulatorServer Emulator { get; init; }

    /// <summary>The <c>bootstrap</c> the execution environments run.</summary>
    public required string FunctionPath { get; init; }

    public bool IsNativeAot => FunctionBinary.IsNativeAot(FunctionPath);

    public static async Task<LocalDeployment> StartAsync(LocalDeploymentOptions? options = null)
    {
        options ??= new LocalDeploymentOptions();
        var dynalite = await DynaliteServer.StartAsync(options.DataDirectory);
        try
        {
            var table = await dynalite.CreateTableAsync(options.TableName);
            var function = FunctionBinary.PathOf(options.Function);
            var settings = EmulatorServer.DefaultSettings();
            foreach (var (name, value) in options.Parameters)
            {
                settings.Stack.Parameters[name] = value;
            }
            settings.Stack.PhysicalIds[table.LogicalId] = table.TableName;
            settings.Function.Command = function;
            foreach (var (name, value) in dynalite.ClientEnvironment())
            {
                settings.Function.Environment[name] = value;
            }
            if (options.DynamoDbEndpoint?.Invoke(dynalite.Port) is { } endpoint)
            {
                settings.Function.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint;
            }
            foreach (var (name, value) in options.FunctionEnvironment)
            {
                settings.Function.Environment[name] = value;
            }
            var emulator = await EmulatorServer.StartAsync(settings, options.EmulatorLogLevel, otlpEndpoint: options.OtlpEndpoint);
            return new LocalDeployment { Dynalite = dynalite, Emulator = emulator, FunctionPath = function };
        }
        catch
        {
            await dynalite.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Emulator.DisposeAsync();
        await Dynalite.DisposeAsync();
    }
}

/// <summary>How <see cref="LocalDeployment"/> runs the counter; each property has the default a plain run wants.</summary>
public sealed class LocalDeploymentOptions
{
    /// <summary>dynalite's data folder (so it can be killed and restarted with its data). Default null: in memory.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The table's name. Default <see cref="LocalTemplate.DefaultTableName"/>.</summary>
    public string TableName { get; init; } = LocalTemplate.DefaultTableName;

    /// <summary>Which <c>bootstrap</c>. Default: the current AOT build if there is one, else the JIT build.</summary>
    public FunctionBuild Function { get; init; } = FunctionBuild.Newest;

    /// <summary>Template parameter overrides (e.g. the reserved concurrency, the stage throttle). Default none.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the function sends DynamoDB calls, given dynalite's port (e.g. a counting proxy). Default dynalite itself.</summary>
    public Func<int, string>? DynamoDbEndpoint { get; init; }

    /// <summary>More environment for the function. Default none.</summary>
    public IReadOnlyDictionary<string, string> FunctionEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Where the emulator and the function export traces, metrics and logs (OTLP/HTTP). Default null: nowhere.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>The emulator's log level. Default Warning: per-request logs would cost the CPU a load needs.</summary>
    public string EmulatorLogLevel { get; init; } = "Warning";
}

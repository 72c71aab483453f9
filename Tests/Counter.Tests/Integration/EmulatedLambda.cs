namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// dynalite with the template's table, and the emulator with no command for the function: its Runtime API
/// waits for external runtimes. Tests start the function's <c>bootstrap</c> processes themselves, with the
/// environment Lambda would give them, and invoke through the emulator's Invoke API as <c>aws lambda invoke</c>
/// does. Tests sharing one make their own tables and stop their processes, so they stay independent.
/// </summary>
public class EmulatedLambda : IAsyncLifetime
{
    /// <summary>
    /// Above the template's default (10), so a test's parallel invokes wait in the queue for the processes it
    /// started rather than being throttled: the counting is under test here, not the concurrency cap.
    /// </summary>
    public const int ReservedConcurrency = 64;

    private readonly string? _dataDirectory;
    private readonly List<LocalProcess> _functions = [];
    private LambdaInvokeClient? _invoke;

    public EmulatedLambda() : this(dataDirectory: null)
    {
    }

    /// <param name="dataDirectory">dynalite's data folder (it keeps its tables over a stop and start); null: in memory.</param>
    protected EmulatedLambda(string? dataDirectory) => _dataDirectory = dataDirectory;

    public DynaliteServer Dynalite { get; private set; } = null!;

    public EmulatorServer Emulator { get; private set; } = null!;

    /// <summary>The function as the template defines it: name, memory, timeout.</summary>
    public FunctionDefinition Function { get; private set; } = null!;

    /// <summary>The table the emulator's stack knows as the template's table.</summary>
    public string Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Dynalite = await DynaliteServer.StartAsync(_dataDirectory);
        var table = await Dynalite.CreateTableAsync(LocalTemplate.DefaultTableName);
        var settings = EmulatorServer.DefaultSettings();
        settings.Stack.PhysicalIds[table.LogicalId] = table.TableName;
        settings.Stack.Parameters["ReservedConcurrency"] = ReservedConcurrency.ToString(CultureInfo.InvariantCulture);
        Emulator = await EmulatorServer.StartAsync(settings);
        Table = table.TableName;
        Function = LocalTemplate.Load(settings.Template, table.TableName, parameters: settings.Stack.Parameters).Function;
        _invoke = new LambdaInvokeClient(Emulator.Runtime, Function.FunctionName);
    }

    /// <summary>A fresh table of the template's shape, for a test that counts from zero.</summary>
    public async Task<string> NewTableAsync() =>
        (await Dynalite.CreateTableAsync("visits-" + Guid.NewGuid().ToString("N")[..12])).TableName;

    /// <summary>What Lambda would set for the function here, with <paramref name="table"/> as TABLE_NAME; a null value unsets a variable.</summary>
    public Dictionary<string, string?> FunctionEnvironment(string table)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = Emulator.RuntimeApiAddress,
            ["AWS_LAMBDA_FUNCTION_NAME"] = Function.FunctionName,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = Function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["TZ"] = "UTC",
            ["TABLE_NAME"] = table,
            // The test host's own settings must not leak into the function.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["DOTNET_GCHeapHardLimit"] = null,
        };
        foreach (var (name, value) in Dynalite.ClientEnvironment())
        {
            environment[name] = value;
        }
        return environment;
    }

    /// <summary>Starts a <c>bootstrap</c> (the JIT build unless given) and returns at once.</summary>
    public LocalProcess StartFunction(IReadOnlyDictionary<string, string?> environment, string? bootstrap = null)
    {
        var function = LocalProcess.Start(new ProcessStart(bootstrap ?? FunctionBinary.PathOf(FunctionBuild.Jit), []).WithEnvironment(environment));
        lock (_functions)
        {
            _functions.Add(function);
        }
        return function;
    }

    /// <summary>
    /// Starts a <c>bootstrap</c> and waits for its init line. Lambda's timeout runs from the invoke, so an
    /// invoke sent only now spends none of it on the process starting.
    /// </summary>
    public async Task<LocalProcess> StartFunctionAsync(IReadOnlyDictionary<string, string?> environment, string? bootstrap = null)
    {
        var function = StartFunction(environment, bootstrap);
        await InitLineAsync(function);
        return function;
    }

    /// <summary>The function's "Initialized" log line (table, heap limit, nativeAot).</summary>
    public static Task<string> InitLineAsync(LocalProcess function) =>
        function.WaitForLineAsync(line => line.Contains("\"Initialized\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30));

    public async Task<FunctionResult> InvokeAsync(string payload, string? traceParent = null) =>
        new(await _invoke!.InvokeAsync(payload, traceParent));

    /// <summary>Kills the processes started so far, so the next test's invokes reach only its own.</summary>
    public async Task StopFunctionsAsync()
    {
        LocalProcess[] functions;
        lock (_functions)
        {
            functions = [.. _functions];
            _functions.Clear();
        }
        foreach (var function in functions)
        {
            try
            {
                await function.DisposeAsync();
            }
            catch (InvalidOperationException)
            {
                // It exited on its own a moment ago (kill: ESRCH) and LocalProcess has not noticed yet.
                await function.WaitForExitAsync(TimeSpan.FromSeconds(10));
                await function.DisposeAsync();
            }
        }
    }

    public virtual async Task DisposeAsync()
    {
        await StopFunctionsAsync();
        _invoke?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        if (Dynalite is not null)
        {
            await Dynalite.DisposeAsync();
        }
    }
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// The emulator (<c>dotnet Emulator.dll</c>) on free loopback ports, reading the real template, running the
/// function as managed execution environments against a given DynamoDB endpoint. Limits are lifted
/// (64 environments, no stage throttle) so the tests measure the function, not the template's quotas.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    /// <summary>The allowed CORS origin (the template's SiteOrigin parameter), as the AppHost sets it locally.</summary>
    public const string SiteOrigin = "http://localhost:5080";

    /// <summary>
    /// Exactly one execution environment per caller of the 64-way load: an environment is free again the
    /// moment its invocation is answered, so 64 callers never meet a throttle.
    /// </summary>
    public const int ReservedConcurrency = 64;

    private readonly ChildProcess _process;

    private EmulatorServer(ChildProcess process, int gatewayPort, int runtimePort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        RuntimePort = runtimePort;
    }

    public int GatewayPort { get; }

    public int RuntimePort { get; }

    public int ProcessId => _process.Id;

    public bool IsRunning => !_process.HasExited;

    public string Output => _process.Output;

    /// <summary>The emulator's last warnings (timeouts, crashes, throttles), for assertion messages.</summary>
    public string Warnings(int last = 20)
    {
        // The emulator logs one line per record ("warn: Category[0] message").
        var warnings = _process.StdoutLines
            .Where(line => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal));
        return string.Join('\n', warnings.TakeLast(last));
    }

    public static async Task<EmulatorServer> StartAsync(string dynamoDbEndpoint)
    {
        var gatewayPort = FreePort.Next();
        var runtimePort = FreePort.Next();
        var dll = RepositoryPaths.Combine("Emulator", "bin", BuildConfiguration.Name, "net10.0", "Emulator.dll");
        string[] arguments =
        [
            dll,
            "--template", RepositoryPaths.Combine("infra", "template.yaml"),
            "--gateway-port", $"{gatewayPort}",
            "--runtime-port", $"{runtimePort}",
            "--parameter", $"ReservedConcurrency={ReservedConcurrency}",
            "--parameter", "ThrottlingRateLimit=100000",
            "--parameter", "ThrottlingBurstLimit=100000",
            "--parameter", $"SiteOrigin={SiteOrigin}",
            "--physical-id", "VisitsTable=Visits",
            "--env", $"AWS_ENDPOINT_URL_DYNAMODB={dynamoDbEndpoint}",
            "--Function:Command", FunctionExecutable.Path,
        ];
        var environment = new Dictionary<string, string?>
        {
            // The test host's telemetry settings must not leak in; per-request logs would cost CPU the load needs.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["ASPNETCORE_URLS"] = null,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var process = ChildProcess.Start("dotnet", arguments, environment);
        var server = new EmulatorServer(process, gatewayPort, runtimePort);
        try
        {
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The function's execution environments right now: the emulator's <c>bootstrap</c> children.</summary>
    public IReadOnlyList<int> FunctionProcessIds() => ProcessTable.ChildrenOf(_process.Id, "bootstrap");

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < giveUp)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Emulator exited ({_process.ExitCode}).\n{_process.Output}");
            }
            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{RuntimePort}/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Emulator not healthy within {timeout}.\n{_process.Output}");
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}

using CloudResume.Contracts.LocalSystem;
using CloudResume.Local.Configuration;
using CloudResume.Local.Processes;
using CloudResume.Local.Repository;

namespace CloudResume.Local.Emulator;

/// <summary>
/// The emulator (Emulator/) as a process of this build configuration, started with typed
/// <see cref="EmulatorSettings"/>; ready when /health on the runtime port answers. Tests and benchmarks
/// use it; the AppHost runs the same project as a resource with the same settings type.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private EmulatorServer(LocalProcess process, EmulatorSettings settings)
    {
        Process = process;
        Settings = settings;
    }

    public LocalProcess Process { get; }

    /// <summary>What the emulator was started with.</summary>
    public EmulatorSettings Settings { get; }

    public int GatewayPort => Settings.GatewayPort;

    public int RuntimePort => Settings.RuntimePort;

    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");

    /// <summary>The Runtime API, the Invoke API and /health.</summary>
    public Uri Runtime => new($"http://127.0.0.1:{RuntimePort}");

    /// <summary>Value for a runtime's AWS_LAMBDA_RUNTIME_API (external runtimes share this port).</summary>
    public string RuntimeApiAddress => $"127.0.0.1:{RuntimePort}";

    /// <summary>Settings with this checkout's template and free ports.</summary>
    public static EmulatorSettings DefaultSettings() => new()
    {
        Template = RepositoryLayout.Current.Template,
        GatewayPort = FreePort.Next(),
        RuntimePort = FreePort.Next(),
    };

    /// <param name="logLevel">The emulator's own log level; per-request logs cost CPU a load needs.</param>
    /// <param name="otlpEndpoint">Where the emulator and the function export telemetry (OTLP/HTTP protobuf); null: nowhere.</param>
    public static async Task<EmulatorServer> StartAsync(EmulatorSettings settings, string logLevel = "Warning", TimeSpan? timeout = null, string? otlpEndpoint = null)
    {
        var start = new ProcessStart("dotnet", [BuildOutput.Current.EmulatorAssembly])
            .WithEnvironment(ConfigurationKeys.ToEnvironment(settings, EmulatorSettings.SectionName))
            .WithEnvironment(new Dictionary<string, string?>
            {
                // The caller's own telemetry and URL settings must not leak in.
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = otlpEndpoint is null ? null : "http/protobuf",
                ["ASPNETCORE_URLS"] = null,
                ["Logging__LogLevel__Default"] = logLevel,
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            });
        var server = new EmulatorServer(LocalProcess.Start(start), settings);
        try
        {
            await server.WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(60));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the emulator with a command line to its exit (for command-line tests).</summary>
    public static Task<ProcessOutput> RunToExitAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken = default) =>
        new ProcessStart("dotnet", [BuildOutput.Current.EmulatorAssembly, .. arguments])
            .WithEnvironment([new("OTEL_EXPORTER_OTLP_ENDPOINT", null)])
            .RunAsync(cancellationToken);

    /// <summary>The function's execution environments right now: the emulator's <c>bootstrap</c> children.</summary>
    public IReadOnlyList<int> FunctionProcessIds(string command = "bootstrap") => ProcessTable.ChildrenOf(Process.Id, command);

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < giveUp)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The emulator exited ({Process.ExitCode}).\n{Process.Output}");
            }
            try
            {
                using var health = await http.GetAsync(new Uri(Runtime, "/health"));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The emulator was not healthy within {timeout}.\n{Process.Output}");
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}

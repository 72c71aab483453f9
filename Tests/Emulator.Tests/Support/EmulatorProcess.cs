using CloudResume.Tests.Support;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace CloudResume.Tests.Emulator.Support;

/// <summary>
/// The emulator as a real process (<c>dotnet Emulator.dll</c>) on free ports, started from the real
/// template with parameter overrides; ready when /health on the runtime port answers.
/// </summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public int GatewayPort { get; }
    public int RuntimePort { get; }
    public Uri Gateway => new($"http://127.0.0.1:{GatewayPort}");
    public Uri Runtime => new($"http://127.0.0.1:{RuntimePort}");
    public HttpClient Client { get; }

    private EmulatorProcess(Process process, int gatewayPort, int runtimePort)
    {
        _process = process;
        GatewayPort = gatewayPort;
        RuntimePort = runtimePort;
        Client = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    public string Output => string.Join('\n', _output);

    /// <summary>Starts an emulator; <paramref name="settings"/> are extra command-line arguments.</summary>
    public static async Task<EmulatorProcess> StartAsync(params string[] settings)
    {
        var gatewayPort = FreePort.Next();
        var runtimePort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in (string[])[Repository.EmulatorDll, "--template", Repository.Template,
                     "--gateway-port", $"{gatewayPort}", "--runtime-port", $"{runtimePort}", .. settings])
        {
            start.ArgumentList.Add(argument);
        }
        // The test host's own Aspire/OTel settings must not leak into the emulator.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var emulator = new EmulatorProcess(process, gatewayPort, runtimePort);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) emulator._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) emulator._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"Emulator exited with {process.ExitCode}:\n{emulator.Output}");
            try
            {
                using var health = await emulator.Client.GetAsync(new Uri(emulator.Runtime, "/health"));
                if (health.IsSuccessStatusCode) return emulator;
            }
            catch (HttpRequestException) { }
            await Task.Delay(50);
        }
        await emulator.DisposeAsync();
        throw new TimeoutException($"Emulator not healthy in 30 s:\n{emulator.Output}");
    }

    /// <summary>Runs the emulator to its exit (for command-line error tests).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Repository.EmulatorDll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Waits until the emulator's output holds <paramref name="text"/>.</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Any(line => line.Contains(text, StringComparison.Ordinal))) return true;
            await Task.Delay(50);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

/// <summary>Arguments for a managed emulator running the Python scripted runtime.</summary>
public static class ScriptedRuntime
{
    public static string[] Arguments(params string[] more) =>
        ["--Function:Command", "python3", "--Function:Arguments:0", Repository.ScriptedRuntime, .. more];
}

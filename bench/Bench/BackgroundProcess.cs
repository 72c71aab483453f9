using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudResume.Bench;

/// <summary>A server the benchmark starts (dynalite, the emulator): output drained, ready when its port accepts, killed on dispose.</summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly Process _process;

    private BackgroundProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static async Task<BackgroundProcess> StartAsync(string command, IEnumerable<string> arguments, int readyPort, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(command)
        {
            WorkingDirectory = BenchEnvironment.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new BackgroundProcess(process);
        for (var attempt = 0; ; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{command} exited ({process.ExitCode}) before listening on {readyPort}.");
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, readyPort);
                return started;
            }
            catch (SocketException) when (attempt < 1200)
            {
                await Task.Delay(50);
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CloudResume.Tests.Support;

/// <summary>
/// A process started by a test: stdout/stderr captured line by line (waitable), pause/resume with
/// SIGSTOP/SIGCONT for fault tests, and killed with its children on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int SIGCONT = 18;
    private const int SIGSTOP = 19;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyCollection<string> StdoutLines => _stdout.ToArray();

    public IReadOnlyCollection<string> StderrLines => _stderr.ToArray();

    /// <summary>Everything the process wrote so far, for assertion messages.</summary>
    public string Output => string.Join('\n', _stdout) + (_stderr.IsEmpty ? "" : "\n[stderr]\n" + string.Join('\n', _stderr));

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    info.Environment[key] = value;
                }
            }
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Capture(child._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => child.Capture(child._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for a stdout line matching <paramref name="match"/> (lines already seen count).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var found = _stdout.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }
            if (_process.HasExited)
            {
                // Output may still be draining after exit.
                await _process.WaitForExitAsync(CancellationToken.None);
                found = _stdout.FirstOrDefault(match);
                return found ?? throw new InvalidOperationException($"Process exited ({_process.ExitCode}) without the expected line.\n{Output}");
            }
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching line within {timeout}.\n{Output}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open but nothing answers.</summary>
    public void Pause() => Signal(SIGSTOP);

    public void Resume() => Signal(SIGCONT);

    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                Signal(SIGCONT); // a stopped process must run to die cleanly on some kernels
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Capture(ConcurrentQueue<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }
        lines.Enqueue(line);
        _lineArrived.Release();
    }

    private void Signal(int signal)
    {
        if (!_process.HasExited && kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    // DllImport rather than LibraryImport: no unsafe code needed in a test helper library.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}

using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using CliWrap;

namespace CloudResume.Local.Processes;

/// <summary>
/// A program the local system started and owns: stdout/stderr kept line by line (waitable), pause/resume
/// with SIGSTOP/SIGCONT for fault tests, killed with its children on dispose. Started through CliWrap.
/// </summary>
public sealed class LocalProcess : IAsyncDisposable
{
    private const int SIGCONT = 18;
    private const int SIGSTOP = 19;
    private const int ESRCH = 3;

    private readonly CancellationTokenSource _kill = new();
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly SemaphoreSlim _lineArrived = new(0);
    private readonly Task<CommandResult> _run;

    private LocalProcess(ProcessStart start, Action<string>? onLine)
    {
        var command = start.ToCommand()
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => Capture(_stdout, line, onLine)))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Capture(_stderr, line, onLine)));
        var task = command.ExecuteAsync(_kill.Token);
        Id = task.ProcessId;
        Name = Path.GetFileName(start.Program);
        _run = task.Task;
    }

    public int Id { get; }

    public string Name { get; }

    public bool HasExited => _run.IsCompleted;

    /// <summary>The exit code once exited (killed: -1).</summary>
    public int? ExitCode => _run.IsCompletedSuccessfully ? _run.Result.ExitCode : _run.IsCompleted ? -1 : null;

    public IReadOnlyCollection<string> StdoutLines => _stdout.ToArray();

    public IReadOnlyCollection<string> StderrLines => _stderr.ToArray();

    /// <summary>Everything the process wrote so far, for assertion and error messages.</summary>
    public string Output => string.Join('\n', _stdout) + (_stderr.IsEmpty ? "" : "\n[stderr]\n" + string.Join('\n', _stderr));

    /// <param name="onLine">Sees each line of stdout and stderr as it arrives.</param>
    public static LocalProcess Start(ProcessStart start, Action<string>? onLine = null) => new(start, onLine);

    /// <summary>
    /// Starts a server and waits until it listens on <paramref name="port"/>; if it exits first, throws with its
    /// output and <paramref name="hint"/> (what is probably missing).
    /// </summary>
    public static async Task<LocalProcess> StartServerAsync(ProcessStart start, int port, TimeSpan timeout, string hint = "")
    {
        var process = Start(start);
        await FreePort.WaitUntilListeningAsync(port, timeout, () => !process.HasExited);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{process.Name} exited ({process.ExitCode}) before listening on {port}. {hint}\n{process.Output}".Trim());
        }
        return process;
    }

    /// <summary>Waits for a stdout line matching <paramref name="match"/> (lines already seen count).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_stdout.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (HasExited)
            {
                return _stdout.FirstOrDefault(match)
                    ?? throw new InvalidOperationException($"{Name} exited ({ExitCode}) without the expected line.\n{Output}");
            }
            try
            {
                await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), giveUp.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Name}: no matching line within {timeout}.\n{Output}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await Task.WhenAny(_run, Task.Delay(timeout));
        return ExitCode ?? throw new TimeoutException($"{Name} did not exit within {timeout}.\n{Output}");
    }

    /// <summary>Freezes the process (SIGSTOP): its sockets stay open but nothing answers.</summary>
    public void Pause() => Signal(SIGSTOP);

    public void Resume() => Signal(SIGCONT);

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            Signal(SIGCONT); // a stopped process must run to die cleanly on some kernels
            await _kill.CancelAsync();
        }
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Killed, as asked.
        }
        _kill.Dispose();
    }

    private void Capture(ConcurrentQueue<string> lines, string line, Action<string>? onLine)
    {
        lines.Enqueue(line);
        onLine?.Invoke(line);
        _lineArrived.Release();
    }

    private void Signal(int signal)
    {
        // ESRCH: the process is already gone, though CliWrap may not have seen its exit yet.
        if (!HasExited && kill(Id, signal) != 0 && Marshal.GetLastPInvokeError() is var errno && errno != ESRCH)
        {
            throw new InvalidOperationException($"kill({Id}, {signal}) failed: errno {errno}");
        }
    }

    // DllImport rather than LibraryImport: no unsafe code needed for one call.
#pragma warning disable SYSLIB1054
    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
#pragma warning restore SYSLIB1054
}

using System.ComponentModel;
using System.Threading.Channels;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// One managed execution environment: a runtime process the emulator started, with its own Runtime API
/// port (AWS_LAMBDA_RUNTIME_API), so the emulator knows which process holds which invocation — and so
/// can answer a crash or a timeout for exactly that invocation. It serves one invocation at a time.
/// </summary>
public sealed class ExecutionEnvironment(int id, int port, EmulatedFunction function, FunctionLogs functionLogs, ILoggerFactory loggers)
    : IDisposable
{
    private readonly Channel<Invocation> _mailbox = Channel.CreateBounded<Invocation>(1);
    private readonly ILogger _log = loggers.CreateLogger<ExecutionEnvironment>();
    private Process? _process;
    private int _disposed;
    // The last invocation handed out: its log keeps taking lines that arrive just after its response.
    private Invocation? _logTarget;

    public int Id { get; } = id;
    public int Port { get; } = port;

    /// <summary>The invocation this environment holds, from assignment until it ends.</summary>
    public Invocation? Current { get; private set; }

    public bool IsDiscarded => Volatile.Read(ref _disposed) == 1;

    /// <summary>Raised once when the process is gone (exit, crash, kill).</summary>
    public event Action<ExecutionEnvironment, int?>? Exited;

    public void Assign(Invocation invocation)
    {
        Current = invocation;
        _logTarget = invocation;
        _mailbox.Writer.TryWrite(invocation);
    }

    public void Release(Invocation invocation)
    {
        if (Current != invocation) return;
        Current = null;
        IdleSinceTicks = Environment.TickCount64;
    }

    /// <summary>When the environment last finished an invocation (<see cref="Environment.TickCount64"/>); it is idle since.</summary>
    public long IdleSinceTicks { get; private set; } = Environment.TickCount64;

    /// <summary>/next on this environment's port: waits for the invocation assigned to it.</summary>
    public async ValueTask<Invocation?> NextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var invocation = await _mailbox.Reader.ReadAsync(cancellationToken);
            if (invocation.TryStart()) return invocation;
        }
    }

    /// <summary>Cold start: launches <paramref name="command"/> (the function's runtime) with Lambda's environment.</summary>
    public void Start(string command)
    {
        var settings = function.Settings;
        var workingDirectory = settings.WorkingDirectory
            ?? (Path.GetDirectoryName(Path.GetFullPath(command)) is { } dir && File.Exists(command) ? dir : Environment.CurrentDirectory);
        var start = new ProcessStartInfo(command, settings.Arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Exactly Lambda's environment: nothing of the emulator's own leaks into the function.
        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironmentVariables.For(function, $"127.0.0.1:{Port}", Path.GetFullPath(workingDirectory)))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward("stdout", e.Data);
        process.ErrorDataReceived += (_, e) => Forward("stderr", e.Data);
        process.Exited += (_, _) => OnExited(process);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            _log.LogError("Cannot start execution environment {Id}: {Command}: {Error}", Id, command, e.Message);
            throw;
        }
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _log.LogInformation("Execution environment {Id} started (pid {Pid}, runtime API 127.0.0.1:{Port})", Id, process.Id, Port);
    }

    // Each line the function writes is a record of its own, as CloudWatch would show it.
    private void Forward(string stream, string? line)
    {
        if (string.IsNullOrEmpty(line)) return;
        functionLogs.Write(Id, stream, line);
        Volatile.Read(ref _logTarget)?.Log?.Append(line);
    }

    private void OnExited(Process process)
    {
        int? code = null;
        try { code = process.ExitCode; } catch (InvalidOperationException) { }
        Exited?.Invoke(this, code);
    }

    /// <summary>Discards the environment: kills the process (timeout, init error, shutdown).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _mailbox.Writer.TryComplete();
        try
        {
            if (_process is { HasExited: false } process) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (Win32Exception) { }
    }
}

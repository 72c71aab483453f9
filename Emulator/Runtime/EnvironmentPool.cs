using System.ComponentModel;
using CloudResume.Emulator.Telemetry;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// Lambda's concurrency model for managed environments: an idle environment is reused; otherwise a new
/// one is started (cold start) while fewer than the reserved concurrency exist; beyond that the invoke is
/// throttled. An environment that timed out, crashed or failed init is discarded and its slot (and its
/// Runtime API port) goes to the next cold start; one idle longer than the function's IdleTimeout is shut
/// down, and <see cref="Recycle"/> replaces them all, as Lambda does after a code update.
/// </summary>
public sealed class EnvironmentPool : IInvocationDispatcher, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ExecutionEnvironment> _environments = [];
    // A queue, not a stack: a freed port is reused last, far from the killed process that held it.
    private readonly Queue<int> _freePorts = new();
    private readonly Dictionary<int, ExecutionEnvironment> _byPort = [];
    // Busy when recycled: they leave as soon as their invocation ends.
    private readonly HashSet<ExecutionEnvironment> _retiring = [];
    private readonly EmulatedFunction _function;
    private readonly FunctionLogs _functionLogs;
    private readonly FunctionMetrics _metrics;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly Timer _reaper;
    private int _nextId;
    private bool _disposed;
    // What cold starts run: the configured command until a recycle names a newly built one.
    private string _command;

    public EnvironmentPool(EmulatedFunction function, FunctionLogs functionLogs, FunctionMetrics metrics, ILoggerFactory loggers)
    {
        _function = function;
        _functionLogs = functionLogs;
        _metrics = metrics;
        _loggers = loggers;
        _log = loggers.CreateLogger<EnvironmentPool>();
        _command = function.Settings.Command ?? throw new ArgumentException("Managed environments need the function's Command.", nameof(function));
        metrics.ObserveEnvironments(() => { lock (_gate) return _environments.Count; });
        var sweep = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, function.Settings.IdleTimeout.Ticks / 4));
        _reaper = new Timer(_ => ReapIdle(), null, sweep, sweep);
    }

    /// <summary>The ports Kestrel bound for the slots (one per unit of concurrency), known after start.</summary>
    public void AddSlotPorts(IEnumerable<int> ports)
    {
        lock (_gate)
        {
            foreach (var port in ports) _freePorts.Enqueue(port);
        }
    }

    public ExecutionEnvironment? FindByPort(int port)
    {
        lock (_gate) return _byPort.GetValueOrDefault(port);
    }

    public bool TryDispatch(Invocation invocation)
    {
        ExecutionEnvironment? coldStart = null;
        ExecutionEnvironment environment;
        lock (_gate)
        {
            if (_disposed) return false;
            var idle = _environments.FirstOrDefault(e => !e.IsDiscarded && !_retiring.Contains(e) && IsIdle(e));
            if (idle is not null)
            {
                environment = idle;
            }
            else
            {
                if (_environments.Count >= _function.Concurrency || !_freePorts.TryDequeue(out var port)) return false;
                environment = coldStart = new ExecutionEnvironment(++_nextId, port, _function, _functionLogs, _loggers);
                environment.Exited += OnExited;
                _environments.Add(environment);
                _byPort[port] = environment;
            }
            environment.Assign(invocation);
        }
        _ = invocation.Completion.ContinueWith(_ => OnCompleted(environment, invocation), TaskScheduler.Default);

        if (coldStart is not null)
        {
            _metrics.ColdStarts.Add(1, _metrics.Tags);
            try
            {
                coldStart.Start(Volatile.Read(ref _command));
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException)
            {
                invocation.TryComplete(InvocationResult.Error(InvocationOutcome.Crashed, "Runtime.InvalidEntrypoint",
                    $"RequestId: {invocation.RequestId} Error: cannot start {Volatile.Read(ref _command)}: {e.Message}"));
                Discard(coldStart);
            }
        }
        return true;
    }

    // The caller may hear the answer (and send its next request) before OnCompleted has run: an
    // environment whose invocation ended normally is free from that moment, as in Lambda.
    private static bool IsIdle(ExecutionEnvironment environment) => environment.Current is not { } invocation ||
        (invocation.Completion.IsCompletedSuccessfully &&
         invocation.Completion.Result.Outcome is InvocationOutcome.Success or InvocationOutcome.FunctionError or InvocationOutcome.ResponseTooLarge);

    /// <summary>
    /// Replaces every environment: idle ones now, busy ones when their invocation ends; with a <paramref name="command"/>,
    /// the next cold starts run it (a new build). Returns how many go.
    /// </summary>
    public int Recycle(string? command = null)
    {
        if (command is not null)
        {
            Volatile.Write(ref _command, command);
        }
        List<ExecutionEnvironment> idle;
        int busy;
        lock (_gate)
        {
            idle = [.. _environments.Where(e => e.Current is null)];
            foreach (var environment in idle) RemoveLocked(environment);
            var rest = _environments.Where(e => !idle.Contains(e)).ToList();
            _retiring.UnionWith(rest);
            busy = rest.Count;
        }
        foreach (var environment in idle) environment.Dispose();
        _log.LogInformation("Recycled {Idle} idle execution environment(s); {Busy} busy one(s) go when their invocation ends", idle.Count, busy);
        return idle.Count + busy;
    }

    private void ReapIdle()
    {
        var cutoff = Environment.TickCount64 - (long)_function.Settings.IdleTimeout.TotalMilliseconds;
        List<ExecutionEnvironment> expired;
        lock (_gate)
        {
            expired = [.. _environments.Where(e => e.Current is null && e.IdleSinceTicks < cutoff)];
            foreach (var environment in expired) RemoveLocked(environment);
        }
        foreach (var environment in expired)
        {
            _log.LogInformation("Execution environment {Id} was idle for {IdleTimeout}: shut down", environment.Id, _function.Settings.IdleTimeout);
            environment.Dispose();
        }
    }

    private void OnCompleted(ExecutionEnvironment environment, Invocation invocation)
    {
        // A timed-out environment may still be running the handler: it must never serve again, so it
        // leaves the pool in the same step that ends its invocation.
        var timedOut = invocation.Completion.Result.Outcome == InvocationOutcome.TimedOut;
        bool removed;
        lock (_gate)
        {
            environment.Release(invocation);
            removed = (timedOut || (_retiring.Contains(environment) && environment.Current is null)) && RemoveLocked(environment);
        }
        if (removed)
        {
            if (timedOut)
            {
                _log.LogWarning("Invocation {RequestId} timed out; execution environment {Id} is replaced", invocation.RequestId, environment.Id);
            }
            environment.Dispose();
        }
    }

    /// <summary>/runtime/init/error on an environment's port: the first invoke gets the error, the environment goes.</summary>
    public void OnInitError(ExecutionEnvironment environment, InvocationResult error)
    {
        environment.Current?.TryComplete(error);
        Discard(environment);
    }

    private void OnExited(ExecutionEnvironment environment, int? exitCode)
    {
        if (environment.Current is { } invocation && !invocation.IsDone)
        {
            _log.LogWarning("Execution environment {Id} exited (code {Code}) during invocation {RequestId}", environment.Id, exitCode, invocation.RequestId);
            invocation.TryComplete(InvocationResult.Error(InvocationOutcome.Crashed, "Runtime.ExitError",
                $"RequestId: {invocation.RequestId} Error: Runtime exited with error: exit status {exitCode?.ToString() ?? "unknown"}"));
        }
        Discard(environment);
    }

    private void Discard(ExecutionEnvironment environment)
    {
        lock (_gate)
        {
            if (!RemoveLocked(environment)) return;
        }
        environment.Dispose();
    }

    private bool RemoveLocked(ExecutionEnvironment environment)
    {
        if (!_environments.Remove(environment)) return false;
        _retiring.Remove(environment);
        _byPort.Remove(environment.Port);
        _freePorts.Enqueue(environment.Port);
        return true;
    }

    public void Dispose()
    {
        List<ExecutionEnvironment> all;
        _reaper.Dispose();
        lock (_gate)
        {
            _disposed = true;
            all = [.. _environments];
        }
        foreach (var environment in all) environment.Dispose();
    }
}

using System.ComponentModel;
using Microsoft.Extensions.Logging;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// Lambda's concurrency model for managed environments: an idle environment is reused; otherwise a new
/// one is started (cold start) while fewer than the reserved concurrency exist; beyond that the invoke is
/// throttled. An environment that timed out, crashed or failed init is discarded and its slot (and its
/// Runtime API port) goes to the next cold start.
/// </summary>
public sealed class EnvironmentPool(EmulatedFunction function, FunctionLogs functionLogs, ILoggerFactory loggers) : IInvocationDispatcher, IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<ExecutionEnvironment> _environments = [];
    // A queue, not a stack: a freed port is reused last, far from the killed process that held it.
    private readonly Queue<int> _freePorts = new();
    private readonly Dictionary<int, ExecutionEnvironment> _byPort = [];
    private readonly ILogger _log = loggers.CreateLogger<EnvironmentPool>();
    private int _nextId;
    private bool _disposed;

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
            var idle = _environments.FirstOrDefault(e => !e.IsDiscarded && (e.Current is null || IsFinishedAndReusable(e.Current)));
            if (idle is not null)
            {
                environment = idle;
            }
            else
            {
                if (_environments.Count >= function.Concurrency || !_freePorts.TryDequeue(out var port)) return false;
                environment = coldStart = new ExecutionEnvironment(++_nextId, port, function, functionLogs, loggers);
                environment.Exited += OnExited;
                _environments.Add(environment);
                _byPort[port] = environment;
            }
            environment.Assign(invocation);
        }
        _ = invocation.Completion.ContinueWith(_ => OnCompleted(environment, invocation), TaskScheduler.Default);

        if (coldStart is not null)
        {
            try
            {
                coldStart.Start();
            }
            catch (Exception e) when (e is Win32Exception or InvalidOperationException)
            {
                invocation.TryComplete(InvocationResult.Error(InvocationOutcome.Crashed, "Runtime.InvalidEntrypoint",
                    $"RequestId: {invocation.RequestId} Error: cannot start {function.Settings.Command}: {e.Message}"));
                Discard(coldStart);
            }
        }
        return true;
    }

    // The caller may hear the answer (and send its next request) before OnCompleted has run: an
    // environment whose invocation ended normally is free from that moment, as in Lambda.
    private static bool IsFinishedAndReusable(Invocation invocation) =>
        invocation.Completion.IsCompletedSuccessfully &&
        invocation.Completion.Result.Outcome is InvocationOutcome.Success or InvocationOutcome.FunctionError or InvocationOutcome.ResponseTooLarge;

    private void OnCompleted(ExecutionEnvironment environment, Invocation invocation)
    {
        // A timed-out environment may still be running the handler: it must never serve again, so it
        // leaves the pool in the same step that ends its invocation.
        var timedOut = invocation.Completion.Result.Outcome == InvocationOutcome.TimedOut;
        bool removed;
        lock (_gate)
        {
            environment.Release(invocation);
            removed = timedOut && RemoveLocked(environment);
        }
        if (removed)
        {
            _log.LogWarning("Invocation {RequestId} timed out; execution environment {Id} is replaced", invocation.RequestId, environment.Id);
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
        _byPort.Remove(environment.Port);
        _freePorts.Enqueue(environment.Port);
        return true;
    }

    public void Dispose()
    {
        List<ExecutionEnvironment> all;
        lock (_gate)
        {
            _disposed = true;
            all = [.. _environments];
        }
        foreach (var environment in all) environment.Dispose();
    }
}

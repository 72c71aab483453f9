using CloudResume.Contracts.Tracing;
using CloudResume.Emulator.Telemetry;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// The Lambda service side of an invoke: checks the payload limit, asks the dispatcher for an environment
/// (or throttles), arms the function's Timeout, and records the invocation's metrics. Both the gateway
/// and the Invoke API come through here.
/// </summary>
public sealed class FunctionInvoker(
    EmulatedFunction function,
    IInvocationDispatcher dispatcher,
    InvocationRegistry registry,
    FunctionMetrics metrics,
    ILogger<FunctionInvoker> log)
{
    /// <summary>Lambda's synchronous invoke payload quota (request and response): 6 MB.</summary>
    public const int MaxRequestPayloadBytes = 6 * 1024 * 1024;

    /// <summary>The limit Lambda actually enforces on responses (its error message names 6291556 bytes).</summary>
    public const int MaxResponsePayloadBytes = 6_291_556;

    public EmulatedFunction Function => function;

    /// <summary>Starts an invocation; the caller awaits <see cref="Invocation.Completion"/> with its own patience.</summary>
    /// <param name="log">Collects the invocation's output (for <c>X-Amz-Log-Type: Tail</c>); null keeps none.</param>
    public Invocation Invoke(byte[] payload, Activity? invokeSpan, InvocationLog? log = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var invocation = new Invocation(requestId, payload, DateTimeOffset.UtcNow + function.Timeout, XRayTraceHeader.From(invokeSpan), log);
        var tags = metrics.Tags;
        invokeSpan?.SetTag("faas.invocation_id", requestId);

        if (payload.Length > MaxRequestPayloadBytes)
        {
            invocation.TryComplete(InvocationResult.Error(InvocationOutcome.RequestTooLarge, "RequestTooLargeException",
                $"Request must be smaller than {MaxRequestPayloadBytes} bytes for the InvokeFunction operation"));
            return Record(invocation, invokeSpan, tags);
        }

        registry.Add(invocation);
        if (!dispatcher.TryDispatch(invocation))
        {
            metrics.Throttles.Add(1, tags);
            invocation.TryComplete(InvocationResult.Error(InvocationOutcome.Throttled, "TooManyRequestsException", "Rate Exceeded."));
            return Record(invocation, invokeSpan, tags);
        }

        metrics.ConcurrentExecutions.Add(1, tags);
        _ = invocation.Completion.ContinueWith(_ => metrics.ConcurrentExecutions.Add(-1, tags), TaskScheduler.Default);
        ArmTimeout(invocation);
        return Record(invocation, invokeSpan, tags);
    }

    // The function's own Timeout: Lambda stops the invocation (Sandbox.Timedout) and the environment is
    // not reused. The gateway's integration timeout is separate and may fire first (503).
    private void ArmTimeout(Invocation invocation)
    {
        var timer = new CancellationTokenSource(function.Timeout);
        timer.Token.Register(() =>
        {
            var message = $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {invocation.RequestId} Task timed out after {function.Timeout.TotalSeconds:0.00} seconds";
            if (invocation.TryComplete(InvocationResult.Error(InvocationOutcome.TimedOut, "Sandbox.Timedout", message)))
            {
                log.LogWarning("{Message}", message);
            }
        });
        _ = invocation.Completion.ContinueWith(_ => timer.Dispose(), TaskScheduler.Default);
    }

    private Invocation Record(Invocation invocation, Activity? span, TagList tags)
    {
        _ = invocation.Completion.ContinueWith(task =>
        {
            var result = task.Result;
            var outcomeTags = tags;
            outcomeTags.Add("outcome", result.Outcome.ToString());
            metrics.Invocations.Add(1, outcomeTags);
            if (result.IsFunctionError)
            {
                metrics.Errors.Add(1, outcomeTags);
                span?.SetStatus(ActivityStatusCode.Error, result.ErrorType);
            }
            if (!result.IsRejected)
            {
                metrics.Duration.Record(Stopwatch.GetElapsedTime(invocation.StartedTimestamp).TotalMilliseconds, outcomeTags);
            }
        }, TaskScheduler.Default);
        return invocation;
    }
}

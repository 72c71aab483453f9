using CloudResume.Contracts.RuntimeApi;
using CloudResume.Counter.Logging;

namespace CloudResume.Counter.Runtime;

/// <summary>
/// The invocation loop: next → handler → response (or error), one event at a time, forever. It knows the
/// Runtime API and nothing of HTTP: a failed invocation is reported and the loop goes on; only losing
/// the Runtime API itself ends the process.
/// </summary>
public sealed class LambdaBootstrap(RuntimeApiClient runtime, LambdaHandler handler, FunctionLog log)
{
    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var invocation = await runtime.NextAsync(stopping).ConfigureAwait(false);
            await HandleAsync(invocation, stopping).ConfigureAwait(false);
        }
    }

    public async Task HandleAsync(InvocationRequest invocation, CancellationToken stopping)
    {
        var context = invocation.Context;
        // The AWS SDK and X-Ray tooling read the current trace from this variable.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", context.TraceId);

        var started = Stopwatch.GetTimestamp();
        byte[] response;
        try
        {
            response = await handler(invocation, stopping).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var error = ErrorOf(exception);
            log.Error(exception is FunctionErrorException ? exception.Message : "Unhandled exception", context.RequestId,
                ("errorType", error.ErrorType),
                ("error", exception.Message),
                ("durationMs", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2)));
            await runtime.PostErrorAsync(context.RequestId, error, stopping).ConfigureAwait(false);
            return;
        }
        await runtime.PostResponseAsync(context.RequestId, response, stopping).ConfigureAwait(false);
    }

    public static LambdaError ErrorOf(Exception exception) => exception is FunctionErrorException known
        ? new LambdaError(known.Message, known.ErrorType, [])
        : new LambdaError(exception.Message, exception.GetType().Name,
            exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
}

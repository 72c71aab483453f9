using CloudResume.Contracts;
using CloudResume.Contracts.RuntimeApi;

namespace CloudResume.Emulator.Runtime;

/// <summary>How an invocation ended, in Lambda's terms.</summary>
public enum InvocationOutcome
{
    /// <summary>The runtime posted /response.</summary>
    Success,
    /// <summary>The runtime posted /error (Lambda's <c>X-Amz-Function-Error: Unhandled</c>).</summary>
    FunctionError,
    /// <summary>The runtime posted /runtime/init/error; served to the first invoke.</summary>
    InitError,
    /// <summary>The runtime process exited mid-invocation (Runtime.ExitError).</summary>
    Crashed,
    /// <summary>The function's Timeout passed (Sandbox.Timedout); its environment is replaced.</summary>
    TimedOut,
    /// <summary>The response was over 6 MB (Function.ResponseSizeTooLarge).</summary>
    ResponseTooLarge,
    /// <summary>Lambda refused the invoke: the reserved concurrency is in use.</summary>
    Throttled,
    /// <summary>Lambda refused the invoke: the event is over 6 MB.</summary>
    RequestTooLarge,
}

/// <summary>What an invocation produced: the payload for success, Lambda's error JSON otherwise.</summary>
public sealed record InvocationResult(InvocationOutcome Outcome, byte[] Payload, string? ErrorType = null)
{
    /// <summary>Lambda ran the function and it failed: <c>X-Amz-Function-Error: Unhandled</c> on Invoke.</summary>
    public bool IsFunctionError => Outcome is InvocationOutcome.FunctionError or InvocationOutcome.InitError
        or InvocationOutcome.Crashed or InvocationOutcome.TimedOut or InvocationOutcome.ResponseTooLarge;

    /// <summary>Lambda refused the invoke before running anything.</summary>
    public bool IsRejected => Outcome is InvocationOutcome.Throttled or InvocationOutcome.RequestTooLarge;

    public static InvocationResult Error(InvocationOutcome outcome, string errorType, string message) =>
        new(outcome, ErrorDocument(errorType, message), errorType);

    /// <summary>Lambda's error JSON, as Lambda writes it for errors of its own (timeout, crash, limits).</summary>
    public static byte[] ErrorDocument(string errorType, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new LambdaError(message, errorType), ContractsJsonContext.Default.LambdaError);
}

namespace CloudResume.Counter.Runtime;

/// <summary>
/// Handles one invocation: the event's bytes in, the response's bytes out — the shape of
/// Amazon.Lambda.RuntimeSupport's handler, so that loop could replace <see cref="LambdaBootstrap"/>.
/// Throwing reports a function error (<see cref="FunctionErrorException"/> names its type).
/// </summary>
public delegate Task<byte[]> LambdaHandler(InvocationRequest request, CancellationToken cancellationToken);

/// <summary>One event handed out by <c>GET /runtime/invocation/next</c>.</summary>
public sealed record InvocationRequest(InvocationContext Context, byte[] Payload);

/// <summary>A function error of a known type (e.g. <c>Runtime.MalformedEvent</c>), reported to the Runtime API as such.</summary>
public sealed class FunctionErrorException(string errorType, string message) : Exception(message)
{
    public string ErrorType { get; } = errorType;
}

namespace CloudResume.Counter.Runtime;

/// <summary>What the Runtime API tells us about one invocation (from the /next response headers).</summary>
public sealed record InvocationContext(
    string RequestId,
    DateTimeOffset Deadline,
    string? InvokedFunctionArn,
    string? TraceId);

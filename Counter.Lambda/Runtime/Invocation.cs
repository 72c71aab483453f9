namespace CloudResume.Counter.Runtime;

/// <summary>One event handed out by GET /runtime/invocation/next.</summary>
public sealed record Invocation(InvocationContext Context, byte[] Payload);

namespace CloudResume.Deploy;

/// <summary>A deploy that cannot go on; its message says what to do, so no stack trace is shown.</summary>
public sealed class DeployException(string message) : Exception(message);

namespace CloudResume.Contracts.LocalSystem;

/// <summary>The emulator's own endpoints on its runtime port, beside the Runtime API and the Invoke API (which are AWS's).</summary>
public static class EmulatorPaths
{
    /// <summary>GET: the function's output, newline-delimited <see cref="FunctionLogRecord"/>s, followed live.</summary>
    public const string FunctionLogs = "/emulator/function/logs";

    /// <summary>
    /// POST: replace every execution environment (idle ones now, busy ones when their invocation ends), as Lambda
    /// does after a code or configuration update; the next invocations cold-start the current <c>bootstrap</c>.
    /// </summary>
    public const string RecycleEnvironments = "/emulator/function/recycle";
}

/// <summary>The body of a <see cref="EmulatorPaths.RecycleEnvironments"/> POST (optional).</summary>
/// <param name="Command">A newly built runtime executable the next environments start, as Lambda's UpdateFunctionCode does; null keeps the current one.</param>
public sealed record RecycleRequest(string? Command = null);

/// <summary>The answer: how many environments go.</summary>
public sealed record RecycleResult(int Recycled);

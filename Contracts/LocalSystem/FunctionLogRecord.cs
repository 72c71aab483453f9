namespace CloudResume.Contracts.LocalSystem;

/// <summary>
/// One line an execution environment wrote to stdout or stderr, as the emulator streams it from
/// <see cref="EmulatorPaths.FunctionLogs"/> (newline-delimited JSON) — what CloudWatch Logs would hold in AWS.
/// </summary>
public sealed record FunctionLogRecord(DateTimeOffset Timestamp, int Environment, string Stream, string Line);

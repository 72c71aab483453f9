namespace CloudResume.Tests.Reliability.Support;

/// <summary>The last lines a process wrote, for assertion messages (shown as they are, never parsed).</summary>
public static class OutputTail
{
    public static string Tail(this LocalProcess process, int lines = 20) =>
        $"{process.Name} (last {lines} lines):\n{string.Join('\n', process.Output.Split('\n').TakeLast(lines))}";
}

using System.Globalization;

namespace CloudResume.Bench;

/// <summary>A process's peak resident set (VmHWM in /proc/PID/status): the memory figure Lambda bills against.</summary>
public static class PeakMemory
{
    /// <summary>VmHWM in KiB; null when the process is gone.</summary>
    public static long? KibOf(int processId)
    {
        string[] status;
        try
        {
            status = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (IOException)
        {
            return null; // exited while we looked
        }
        return status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : null;
    }
}

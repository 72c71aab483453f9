namespace CloudResume.Bench;

/// <summary>What Linux says of a process in /proc: CPU time (the CPU budget) and memory (what Lambda bills against).</summary>
public static class ProcessStats
{
    /// <summary>Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux).</summary>
    public const double TicksPerSecond = 100;

    /// <summary>User + system CPU time so far, in clock ticks; null when the process is gone.</summary>
    public static long? CpuTicks(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // After "pid (name) ": state is field 3, utime field 14, stime field 15; the name may hold spaces.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>A memory figure of /proc/PID/status in KiB (VmHWM: peak resident set, VmRSS: resident now); null when gone.</summary>
    public static long? Kib(int processId, string field = "VmHWM")
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
        return status.FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : null;
    }
}

namespace CloudResume.Local.Processes;

/// <summary>Reads /proc: which processes a given process started (the emulator's execution environments), and what runs.</summary>
public static class ProcessTable
{
    public static IReadOnlyList<int> ChildrenOf(int parentId, string command)
    {
        var children = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            if (Read(directory, "stat") is not { } stat)
            {
                continue;
            }
            // "pid (comm) state ppid ...": comm may hold spaces, so split around the last ')'.
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open)
            {
                continue;
            }
            var comm = stat[(open + 1)..close];
            var rest = stat[(close + 2)..].Split(' ');
            if (comm == command && rest.Length > 1 && rest[0] != "Z" && int.Parse(rest[1], CultureInfo.InvariantCulture) == parentId)
            {
                children.Add(pid);
            }
        }
        return children;
    }

    /// <summary>The executable (argv[0]) of every process running now.</summary>
    public static IReadOnlyList<string> Executables() =>
        [.. Directory.EnumerateDirectories("/proc").Select(directory => Read(directory, "cmdline")?.Split('\0')[0]).OfType<string>()];

    private static string? Read(string directory, string file)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // exited while we looked, or not ours to read
        }
    }
}

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// The function the emulator runs: the published Native AOT <c>bootstrap</c> when it is at least as new as
/// every source file (cold starts of ~20 ms make 64 environments cheap), else the JIT build of this test
/// run's configuration. RELIABILITY_FUNCTION=aot|jit forces one.
/// </summary>
public static class FunctionExecutable
{
    public static string AotPath { get; } = RepositoryPaths.Combine("Counter.Lambda", "bin", "Release", "net10.0", "linux-x64", "publish", "bootstrap");

    public static string JitPath { get; } = RepositoryPaths.Combine("Counter.Lambda", "bin", BuildConfiguration.Name, "net10.0", "bootstrap");

    public static string Path { get; } = Choose();

    public static bool IsNativeAot => Path == AotPath;

    private static string Choose()
    {
        var forced = Environment.GetEnvironmentVariable("RELIABILITY_FUNCTION");
        var path = forced switch
        {
            "aot" => AotPath,
            "jit" => JitPath,
            _ => IsAotCurrent() ? AotPath : JitPath,
        };
        return File.Exists(path) ? path : throw new InvalidOperationException($"Function not built: {path}");
    }

    // A stale AOT binary would test yesterday's function.
    private static bool IsAotCurrent()
    {
        if (!File.Exists(AotPath))
        {
            return false;
        }
        var built = File.GetLastWriteTimeUtc(AotPath);
        var sources = Directory.EnumerateFiles(RepositoryPaths.Combine("Counter.Lambda"), "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{System.IO.Path.DirectorySeparatorChar}obj{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{System.IO.Path.DirectorySeparatorChar}bin{System.IO.Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        return sources.All(f => File.GetLastWriteTimeUtc(f) <= built);
    }
}

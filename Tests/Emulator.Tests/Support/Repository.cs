namespace CloudResume.Tests.Emulator.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Template => Path.Combine(Root, "infra", "template.yaml");

    public static string ScriptedRuntime => Path.Combine(Root, "Tests", "Emulator.Tests", "Runtimes", "scripted_runtime.py");

    /// <summary>The emulator built with the same configuration as the tests (ProjectReference builds it).</summary>
    public static string EmulatorDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(Root, "Emulator", "bin", configuration, "net10.0", "Emulator.dll");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudResume.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("CloudResume.sln not found above " + AppContext.BaseDirectory);
    }
}

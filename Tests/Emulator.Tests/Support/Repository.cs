using CloudResume.Tests.Support;

namespace CloudResume.Tests.Emulator.Support;

/// <summary>Paths in the repository the tests run from.</summary>
public static class Repository
{
    public static string Root => RepositoryPaths.Root;

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
}

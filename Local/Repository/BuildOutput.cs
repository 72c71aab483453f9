using System.Reflection;

namespace CloudResume.Local.Repository;

/// <summary>
/// The build outputs the local system runs, all from one build configuration: this assembly's own, which is
/// the configuration of whatever uses it (AppHost, tests, benchmarks) — never a guess from the entry assembly.
/// </summary>
public sealed class BuildOutput(RepositoryLayout repository, string configuration)
{
    public const string TargetFramework = "net10.0";

    /// <summary>Native AOT publishes are always Release: that is the binary that ships.</summary>
    public const string PublishConfiguration = "Release";

    public static BuildOutput Current { get; } = new(RepositoryLayout.Current,
        typeof(BuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug");

    public RepositoryLayout Repository => repository;

    public string Configuration => configuration;

    public string EmulatorAssembly => Binary("Emulator", "Emulator.dll");

    /// <summary>The function's <c>bootstrap</c> on the JIT, from a plain build.</summary>
    public string FunctionJit => Binary("Counter.Lambda", "bootstrap");

    /// <summary>The Native AOT <c>bootstrap</c> of <c>dotnet publish Counter.Lambda -c Release -r RID</c>.</summary>
    public string FunctionAot(string runtimeIdentifier = "linux-x64") =>
        repository.Combine("Counter.Lambda", "bin", PublishConfiguration, TargetFramework, runtimeIdentifier, "publish", "bootstrap");

    /// <summary>The published AOT binary when it is at least as new as every source it is built from.</summary>
    public bool IsFunctionAotCurrent(string runtimeIdentifier = "linux-x64")
    {
        var binary = FunctionAot(runtimeIdentifier);
        if (!File.Exists(binary))
        {
            return false;
        }
        var built = File.GetLastWriteTimeUtc(binary);
        return new[] { "Counter.Lambda", "Contracts" }
            .SelectMany(project => Directory.EnumerateFiles(repository.Combine(project), "*.cs*", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .All(file => File.GetLastWriteTimeUtc(file) <= built);
    }

    /// <summary>A file of the build output of the project at <paramref name="projectPath"/> (its .csproj or its folder).</summary>
    public string OutputOf(string projectPath, string file)
    {
        var folder = projectPath.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(projectPath)! : projectPath;
        return Path.Combine(folder, "bin", configuration, TargetFramework, file);
    }

    private string Binary(string project, string file) => OutputOf(repository.Combine(project), file);

    private static bool IsBuildOutput(string file)
    {
        var separator = Path.DirectorySeparatorChar;
        return file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) || file.Contains($"{separator}bin{separator}", StringComparison.Ordinal);
    }
}

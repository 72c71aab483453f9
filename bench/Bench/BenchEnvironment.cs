using System.ComponentModel;

namespace CloudResume.Bench;

/// <summary>
/// What only the benchmarks need beyond Local/: building what they measure (the emulator and the function's
/// JIT build in this configuration, the Native AOT publish and its zip) and reading tool versions.
/// </summary>
public static class BenchEnvironment
{
    /// <summary>Builds the emulator in this configuration.</summary>
    public static Task EnsureEmulatorBuiltAsync() =>
        DotnetAsync("build", "Emulator", "-c", BuildOutput.Current.Configuration, "-nologo", "-v", "q");

    /// <summary>The emulator, the function's JIT build, and the AOT publish (and its zip) unless that is current.</summary>
    public static async Task EnsureBuiltAsync()
    {
        var output = BuildOutput.Current;
        await EnsureEmulatorBuiltAsync();
        await DotnetAsync("build", "Counter.Lambda", "-c", output.Configuration, "-nologo", "-v", "q");
        if (!output.IsFunctionAotCurrent() || !File.Exists(output.Repository.FunctionZip))
        {
            await DotnetAsync("publish", "Counter.Lambda", "-c", BuildOutput.PublishConfiguration, "-r", "linux-x64", "-nologo", "-v", "q");
        }
    }

    /// <summary>First line of a command's output ("" when it cannot run), for the machine description.</summary>
    public static string FirstLineOf(string command, params string[] arguments)
    {
        try
        {
            var output = new ProcessStart(command, arguments).RunAsync().GetAwaiter().GetResult();
            return output.Stdout.Split('\n')[0].Trim();
        }
        catch (Win32Exception)
        {
            return "";
        }
    }

    private static async Task DotnetAsync(params string[] arguments)
    {
        var start = new ProcessStart("dotnet", arguments);
        Console.WriteLine(start);
        var output = await start.RunAsync();
        if (!output.Succeeded)
        {
            throw new InvalidOperationException($"{start} failed ({output.ExitCode}).\n{output.Stdout}\n{output.Stderr}");
        }
    }
}

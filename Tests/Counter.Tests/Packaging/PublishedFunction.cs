using System.Diagnostics;
using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Packaging;

/// <summary>Runs the documented packaging command once per test run (Native AOT publish takes about a minute).</summary>
public sealed class PublishedFunction : IAsyncLifetime
{
    public const string Command = "dotnet publish Counter.Lambda -c Release -r linux-x64";

    public string ZipPath { get; } = RepositoryPaths.Combine("artifacts", "counter-lambda.zip");

    public string Bootstrap { get; } = RepositoryPaths.Combine("Counter.Lambda", "bin", "Release", "net10.0", "linux-x64", "publish", "bootstrap");

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (File.Exists(ZipPath))
        {
            File.Delete(ZipPath); // prove this run wrote it
        }
        await using var publish = ChildProcess.Start("dotnet", ["publish", "Counter.Lambda", "-c", "Release", "-r", "linux-x64", "-nologo"]);
        var exitCode = await publish.WaitForExitAsync(TimeSpan.FromMinutes(5));
        Output = publish.Output;
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"`{Command}` failed ({exitCode}):\n{Output}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static string Run(string fileName, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{fileName} failed: {stderr.Result}");
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedFunctionCollection : ICollectionFixture<PublishedFunction>
{
    public const string Name = "published function";
}

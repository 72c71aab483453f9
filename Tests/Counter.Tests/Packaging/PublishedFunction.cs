namespace CloudResume.Tests.Counter.Packaging;

/// <summary>Runs the documented packaging command once per test run (Native AOT publish takes about a minute).</summary>
public sealed class PublishedFunction : IAsyncLifetime
{
    public const string RuntimeIdentifier = "linux-x64";

    /// <summary><c>dotnet publish Counter.Lambda -c Release -r linux-x64</c>, as the README documents it.</summary>
    private static readonly ProcessStart Publish = new("dotnet",
        ["publish", RepositoryLayout.Current.Project("Counter.Lambda"), "-c", BuildOutput.PublishConfiguration, "-r", RuntimeIdentifier, "-nologo"]);

    public string ZipPath { get; } = RepositoryLayout.Current.FunctionZip;

    public string Bootstrap { get; } = BuildOutput.Current.FunctionAot(RuntimeIdentifier);

    public async Task InitializeAsync()
    {
        if (File.Exists(ZipPath))
        {
            File.Delete(ZipPath); // prove this run wrote it
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var output = await Publish.RunAsync(timeout.Token);
        if (!output.Succeeded)
        {
            throw new InvalidOperationException($"`{Publish}` failed ({output.ExitCode}):\n{output.Stdout}\n{output.Stderr}");
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

namespace CloudResume.Tests.Infra;

/// <summary>
/// The function's real Native AOT <c>bootstrap</c> (published once per test run unless already current: about a
/// minute or two per architecture) and Counter.Lambda.csproj's own packaging target, run alone on it.
/// </summary>
internal static class PublishedFunction
{
    // One at a time: publishes share the project's restore output, packagings its staging folder.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static readonly Dictionary<string, Lazy<Task>> Publishes = new()
    {
        ["linux-x64"] = new(() => PublishAsync("linux-x64")),
        ["linux-arm64"] = new(() => PublishAsync("linux-arm64")),
    };

    public static string Bootstrap(string runtimeIdentifier = "linux-x64") => BuildOutput.Current.FunctionAot(runtimeIdentifier);

    public static Task EnsureAsync(string runtimeIdentifier = "linux-x64") => Publishes[runtimeIdentifier].Value;

    /// <summary>
    /// What every publish does after the native compile: PackageLambdaZip, here alone, into a new file. The bootstrap's
    /// timestamp is set to now first, as a fresh build leaves it, so only the zip's own determinism is under test.
    /// </summary>
    public static async Task<string> PackageAsync(string runtimeIdentifier = "linux-x64")
    {
        await EnsureAsync(runtimeIdentifier);
        var zip = Path.Combine(Path.GetTempPath(), $"counter-lambda-{Guid.NewGuid():N}.zip");
        await OneAtATimeAsync(async () =>
        {
            File.SetLastWriteTimeUtc(Bootstrap(runtimeIdentifier), DateTime.UtcNow);
            await RunAsync(new ProcessStart("dotnet",
            [
                "msbuild", RepositoryLayout.Current.Project("Counter.Lambda"), "-t:PackageLambdaZip", "-nologo", "-v:q",
                $"-p:Configuration={BuildOutput.PublishConfiguration}", $"-p:RuntimeIdentifier={runtimeIdentifier}", $"-p:LambdaZipPath={zip}",
            ]), TimeSpan.FromMinutes(3));
        });
        return zip;
    }

    private static async Task PublishAsync(string runtimeIdentifier)
    {
        if (BuildOutput.Current.IsFunctionAotCurrent(runtimeIdentifier))
        {
            return;
        }
        // Its zip goes elsewhere: artifacts/counter-lambda.zip is the user's.
        var zip = Path.Combine(Path.GetTempPath(), $"counter-lambda-publish-{Guid.NewGuid():N}.zip");
        await OneAtATimeAsync(() => RunAsync(new ProcessStart("dotnet",
        [
            "publish", RepositoryLayout.Current.Project("Counter.Lambda"), "-c", BuildOutput.PublishConfiguration, "-r", runtimeIdentifier,
            "-nologo", $"-p:LambdaZipPath={zip}",
        ]), TimeSpan.FromMinutes(10)));
        File.Delete(zip);
    }

    private static async Task OneAtATimeAsync(Func<Task> work)
    {
        await Gate.WaitAsync();
        try
        {
            await work();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(ProcessStart start, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var output = await start.RunAsync(cancel.Token);
        if (!output.Succeeded)
        {
            throw new InvalidOperationException($"`{start}` failed ({output.ExitCode}):\n{output.Stdout}\n{output.Stderr}");
        }
    }
}

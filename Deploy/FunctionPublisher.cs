using System.Diagnostics;

namespace CloudResume.Deploy;

/// <summary>
/// Builds the function's package: a Native AOT publish, which Counter.Lambda.csproj zips into
/// artifacts/counter-lambda.zip with <c>bootstrap</c> at its root.
/// </summary>
public static class FunctionPublisher
{
    public static IReadOnlyList<string> Arguments(DeployOptions options) =>
        ["publish", options.FunctionProject, "-c", "Release", "-r", options.RuntimeIdentifier];

    public static async Task<string> PublishAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var package = options.ResolvedFunctionPackage;
        if (!options.SkipPublish)
        {
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in Arguments(options))
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info) ?? throw new DeployException("Could not start dotnet.");
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) { log("  " + e.Data); } };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log("  " + e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new DeployException($"`dotnet {string.Join(' ', Arguments(options))}` failed (exit {process.ExitCode}).");
            }
        }
        if (!File.Exists(package))
        {
            throw new DeployException($"The function package {package} does not exist; publish Counter.Lambda first (or drop --skip-publish).");
        }
        return package;
    }
}

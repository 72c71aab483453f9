using CloudResume.Local.Processes;

namespace CloudResume.Deploy;

/// <summary>
/// Builds the function's package: a Native AOT publish, which Counter.Lambda.csproj zips into
/// artifacts/counter-lambda.zip with <c>bootstrap</c> at its root; then checks it (<see cref="FunctionPackageCheck"/>)
/// so nothing Lambda could not start is ever uploaded.
/// </summary>
public static class FunctionPublisher
{
    public static IReadOnlyList<string> Arguments(DeployOptions options) =>
        ["publish", options.FunctionProject, "-c", "Release", "-r", options.RuntimeIdentifier];

    /// <returns>The package, published (unless skipped) and checked against the stack's Architecture.</returns>
    public static async Task<string> PublishCheckedAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        log("packaging the function...");
        var package = await PublishAsync(options, log, cancellationToken);
        log($"  checked {package}: {FunctionPackageCheck.Verify(package, options.Architecture)}");
        return package;
    }

    public static async Task<string> PublishAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var package = options.ResolvedFunctionPackage;
        if (!options.SkipPublish)
        {
            var publish = new ProcessStart("dotnet", Arguments(options)) { WorkingDirectory = options.RepositoryRoot };
            var result = await publish.RunAsync(cancellationToken, line => log("  " + line));
            if (!result.Succeeded)
            {
                throw new DeployException($"`{publish}` failed (exit {result.ExitCode}).");
            }
        }
        if (!File.Exists(package))
        {
            throw new DeployException($"The function package {package} does not exist; publish Counter.Lambda first (or drop --skip-publish).");
        }
        return package;
    }
}

using System.ComponentModel;
using CloudResume.Local.Processes;

namespace CloudResume.Deploy;

/// <summary>
/// Runs the aws CLI with this deploy's region, profile and endpoint. The CLI rather than the SDK:
/// it is the tool the machines here have, and it reads every kind of credential the user set up.
/// </summary>
public sealed class AwsCli(DeployOptions options)
{
    public async Task<ProcessOutput> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Action<string>? onOutputLine = null)
    {
        // Never page or prompt: a deploy runs unattended.
        var start = new ProcessStart(options.AwsCli, [.. arguments, .. GlobalArguments()]) { WorkingDirectory = options.RepositoryRoot }
            .WithEnvironment([new("AWS_PAGER", ""), .. options.AwsEnvironment]);
        try
        {
            return await start.RunAsync(cancellationToken, onOutputLine);
        }
        catch (Win32Exception)
        {
            throw new DeployException(
                $"The aws CLI ('{options.AwsCli}') was not found. Install it (e.g. `pip install awscli` or AWS CLI v2) and make sure it is on PATH.");
        }
    }

    /// <summary>Runs a command that must succeed and answers JSON (or nothing).</summary>
    public async Task<JsonNode?> JsonAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, cancellationToken);
        if (!result.Succeeded)
        {
            throw new DeployException($"`aws {string.Join(' ', list.Take(2))}` failed: {result.Stderr}");
        }
        return string.IsNullOrWhiteSpace(result.Stdout) ? null : JsonNode.Parse(result.Stdout);
    }

    private IEnumerable<string> GlobalArguments()
    {
        if (options.Region is { } region)
        {
            yield return "--region";
            yield return region;
        }
        yield return "--output";
        yield return "json";
        if (options.Profile is { } profile)
        {
            yield return "--profile";
            yield return profile;
        }
        if (options.EndpointUrl is { } endpoint)
        {
            yield return "--endpoint-url";
            yield return endpoint;
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CloudResume.Deploy;

/// <summary>
/// Runs the aws CLI with this deploy's region, profile and endpoint. The CLI rather than the SDK:
/// it is the tool the machines here have, and it reads every kind of credential the user set up.
/// </summary>
public sealed class AwsCli(DeployOptions options)
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public async Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Action<string>? onOutputLine = null)
    {
        var info = new ProcessStartInfo(options.AwsCli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Concat(GlobalArguments()))
        {
            info.ArgumentList.Add(argument);
        }
        // Never page or prompt: a deploy runs unattended.
        info.Environment["AWS_PAGER"] = "";
        foreach (var (name, value) in options.AwsEnvironment)
        {
            if (value is null)
            {
                info.Environment.Remove(name);
            }
            else
            {
                info.Environment[name] = value;
            }
        }
        using var process = new Process { StartInfo = info };
        var (stdout, stderr) = (new System.Text.StringBuilder(), new System.Text.StringBuilder());
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            lock (stdout)
            {
                stdout.AppendLine(e.Data);
            }
            onOutputLine?.Invoke(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            throw new DeployException(
                $"The aws CLI ('{options.AwsCli}') was not found. Install it (e.g. `pip install awscli` or AWS CLI v2) and make sure it is on PATH.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        process.WaitForExit(); // drains the redirected streams
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString().Trim());
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
        yield return "--region";
        yield return options.Region;
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

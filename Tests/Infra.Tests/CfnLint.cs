using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CloudResume.Tests.Infra;

/// <summary>Runs cfn-lint with every rule level, informational included (its exit code is a bitmask: 2 error, 4 warning, 8 info).</summary>
internal static class CfnLint
{
    public sealed record Result(int ExitCode, JsonArray Findings, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n{Findings.ToJsonString()}\n{Stderr}";
    }

    public static async Task<Result> RunAsync(string templatePath)
    {
        var info = new ProcessStartInfo("cfn-lint") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // "--" ends --include-checks' list, which would otherwise swallow the path.
        foreach (var argument in new[] { "--format", "json", "--include-checks", "I", "--", templatePath })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await stdout;
        return new Result(process.ExitCode, string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text)!.AsArray(), await stderr);
    }
}

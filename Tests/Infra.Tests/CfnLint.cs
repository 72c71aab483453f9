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
        // "--" ends --include-checks' list, which would otherwise swallow the path.
        var output = await new ProcessStart("cfn-lint", ["--format", "json", "--include-checks", "I", "--", templatePath]).RunAsync();
        return new Result(output.ExitCode, string.IsNullOrWhiteSpace(output.Stdout) ? [] : JsonNode.Parse(output.Stdout)!.AsArray(), output.Stderr);
    }
}

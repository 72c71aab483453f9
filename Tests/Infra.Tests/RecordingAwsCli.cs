namespace CloudResume.Tests.Infra;

/// <summary>
/// The real aws CLI behind a wrapper that writes down each command line first: which AWS calls a deploy makes,
/// for checking them against the CI role's policy (infra/github-oidc.yaml).
/// </summary>
internal sealed class RecordingAwsCli
{
    private RecordingAwsCli(string script, string record) => (Script, _record) = (script, record);

    private readonly string _record;

    /// <summary>What <c>--aws-cli</c> names.</summary>
    public string Script { get; }

    public static async Task<RecordingAwsCli> CreateAsync()
    {
        var aws = (await new ProcessStart("sh", ["-c", "command -v aws"]).RunAsync()).Stdout.Trim();
        var folder = Directory.CreateTempSubdirectory("aws-recording-").FullName;
        var record = Path.Combine(folder, "commands.txt");
        var script = Path.Combine(folder, "aws");
        await File.WriteAllTextAsync(script, $"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{record}'\nexec '{aws}' \"$@\"\n");
        await new ProcessStart("chmod", ["700", script]).RunAsync();
        return new RecordingAwsCli(script, record);
    }

    /// <summary>The command lines run since the last call.</summary>
    public IReadOnlyList<string> Take()
    {
        if (!File.Exists(_record))
        {
            return [];
        }
        var lines = File.ReadAllLines(_record);
        File.Delete(_record);
        return lines;
    }

    /// <summary>"service command" of a recorded line, e.g. "s3api put-object".</summary>
    public static string Command(string line) => string.Join(' ', line.Split(' ').Take(2));
}

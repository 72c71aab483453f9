using CliWrap;
using CliWrap.Buffered;
using CloudResume.Local.Repository;

namespace CloudResume.Local.Processes;

/// <summary>
/// How to start one program: what, with which arguments, where, and which environment variables to set
/// (a null value removes one). Runs to completion with <see cref="RunAsync"/>, or stays up as a <see cref="LocalProcess"/>.
/// </summary>
public sealed record ProcessStart(string Program, IReadOnlyList<string> Arguments)
{
    /// <summary>Default: the repository root when run from a checkout, else the current directory.</summary>
    public string WorkingDirectory { get; init; } = RepositoryLayout.TryLocate(AppContext.BaseDirectory)?.Root ?? Directory.GetCurrentDirectory();

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public ProcessStart WithEnvironment(IEnumerable<KeyValuePair<string, string?>> variables)
    {
        var merged = new Dictionary<string, string?>(Environment, StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            merged[name] = value;
        }
        return this with { Environment = merged };
    }

    public override string ToString() => string.Join(' ', [Program, .. Arguments]);

    internal Command ToCommand() => Cli.Wrap(Program)
        .WithArguments(Arguments)
        .WithWorkingDirectory(WorkingDirectory)
        .WithEnvironmentVariables(Environment)
        .WithValidation(CommandResultValidation.None);

    /// <summary>Runs to the end; <paramref name="onLine"/> sees each output line as it comes (stdout and stderr).</summary>
    public async Task<ProcessOutput> RunAsync(CancellationToken cancellationToken = default, Action<string>? onLine = null)
    {
        if (onLine is null)
        {
            var buffered = await ToCommand().ExecuteBufferedAsync(cancellationToken);
            return new ProcessOutput(buffered.ExitCode, buffered.StandardOutput, buffered.StandardError.Trim());
        }
        var (stdout, stderr) = (new System.Text.StringBuilder(), new System.Text.StringBuilder());
        var result = await ToCommand()
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => { stdout.AppendLine(line); onLine(line); }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => { stderr.AppendLine(line); onLine(line); }))
            .ExecuteAsync(cancellationToken);
        return new ProcessOutput(result.ExitCode, stdout.ToString(), stderr.ToString().Trim());
    }
}

/// <summary>What a program that ran to its end printed.</summary>
public sealed record ProcessOutput(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;
}

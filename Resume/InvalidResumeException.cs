namespace CloudResume.Resume;

/// <summary>A resume file that cannot be rendered: its message names the file, then each problem on its own line.</summary>
public sealed class InvalidResumeException(string path, IReadOnlyList<ResumeProblem> problems)
    : Exception(Describe(path, problems))
{
    public string FilePath { get; } = path;

    public IReadOnlyList<ResumeProblem> Problems { get; } = problems;

    public static string Describe(string path, IReadOnlyList<ResumeProblem> problems) =>
        $"{path} is not a valid JSON Resume file:" + string.Concat(problems.Select(problem => $"\n  {problem}"));
}

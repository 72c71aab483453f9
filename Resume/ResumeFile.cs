using CloudResume.Resume.Model;

namespace CloudResume.Resume;

/// <summary>
/// A resume file read and checked: the resume when it is valid, otherwise every problem found (JSON syntax,
/// the JSON Resume schema, the page's rules). Reading never throws for what is in the file.
/// </summary>
public sealed record ResumeFile(string Path, JsonResume? Resume, IReadOnlyList<ResumeProblem> Problems)
{
    public bool IsValid => Resume is not null;

    public static ResumeFile Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ResumeFile(path, null, [new ResumeProblem(ResumeProblem.WholeFile, $"cannot be read: {e.Message}")]);
        }
        return Parse(path, text);
    }

    /// <summary>Checks <paramref name="text"/> as the content of <paramref name="path"/> (the path only names it in messages).</summary>
    public static ResumeFile Parse(string path, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            // JsonException counts lines and bytes from 0; editors count from 1.
            var where = e.LineNumber is { } line ? $"line {line + 1}, column {e.BytePositionInLine + 1}" : ResumeProblem.WholeFile;
            return new ResumeFile(path, null, [new ResumeProblem(where, $"is not valid JSON: {FirstSentence(e.Message)}")]);
        }
        using (document)
        {
            var problems = ResumeSchema.Validate(document.RootElement);
            return problems.Count > 0
                ? new ResumeFile(path, null, problems)
                : new ResumeFile(path, document.RootElement.Deserialize(JsonResumeContext.Default.JsonResume), []);
        }
    }

    /// <summary>The resume, or <see cref="InvalidResumeException"/> listing the problems.</summary>
    public JsonResume EnsureValid() => Resume ?? throw new InvalidResumeException(Path, Problems);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).Trim();
    }
}

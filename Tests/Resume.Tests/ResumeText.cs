using CloudResume.Resume.Model;

namespace CloudResume.Tests.Resume;

/// <summary>Resumes written inline by the tests: JSON text in, a checked <see cref="ResumeFile"/> or a rendered page out.</summary>
internal static class ResumeText
{
    public const string FileName = "resume.json";

    public static ResumeFile Check(string json) => ResumeFile.Parse(FileName, json);

    public static IReadOnlyList<string> Problems(string json) => [.. Check(json).Problems.Select(problem => problem.ToString())];

    public static JsonResume Valid(string json) => Check(json).EnsureValid();

    public static string Render(string json) => ResumePage.Render(Valid(json));

    public static string RenderFile(string path) => ResumePage.Render(ResumeFile.Read(path).EnsureValid());

    /// <summary>A resume with only a name, plus whatever <paramref name="section"/> adds at the top level.</summary>
    public static string WithName(string name, JsonObject? section = null)
    {
        var resume = section ?? new JsonObject();
        resume["basics"] = new JsonObject { ["name"] = name };
        return resume.ToJsonString();
    }
}

namespace CloudResume.Tests.Support;

/// <summary>Resume files the tests render and serve, copied next to each test assembly (Resumes/).</summary>
public static class SampleResumes
{
    /// <summary>Every section of the JSON Resume schema filled in, with non-ASCII text.</summary>
    public static string Rich => Path.Combine(AppContext.BaseDirectory, "Resumes", "rich.resume.json");

    /// <summary>Markup, event handlers and javascript:/data:/vbscript: URLs in fields: all must show as text and run nothing.</summary>
    public static string Injection => Path.Combine(AppContext.BaseDirectory, "Resumes", "injection.resume.json");
}

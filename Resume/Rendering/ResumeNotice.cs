namespace CloudResume.Resume.Rendering;

/// <summary>
/// Locally only: what the owner sees when resume.json was saved with problems. The last valid page stays up with
/// this notice on top; before any valid version there is a page of the problems alone. Never deployed: the deploy
/// refuses an invalid file.
/// </summary>
internal static class ResumeNotice
{
    public static void Write(HtmlWriter html, string fileName, IReadOnlyList<ResumeProblem> problems)
    {
        if (problems.Count == 0)
        {
            return;
        }
        html.Open("div", ("class", "notice"), ("role", "alert"));
        html.Open("div", ("class", "container"));
        html.Text("p", $"{fileName} has {Count(problems)}: this page shows its last valid version until they are fixed.", ("class", "notice__title"));
        Problems(html, problems);
        html.Close("div");
        html.Close("div");
    }

    public static string Page(string fileName, IReadOnlyList<ResumeProblem> problems)
    {
        var html = new HtmlWriter();
        html.Raw("<!doctype html>");
        html.Raw("<html lang=\"en\">");
        html.Open("head");
        html.Raw("<meta charset=\"utf-8\">");
        html.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Text("title", $"{fileName} needs a fix");
        html.Raw("<link rel=\"stylesheet\" href=\"assets/site.css\">");
        html.Close("head");
        html.Open("body");
        html.Open("main", ("class", "notice container"), ("role", "alert"));
        html.Text("h1", $"{fileName} has {Count(problems)}", ("class", "notice__title"));
        html.Raw("<p>Fix them and save: this page becomes your resume at the next reload.</p>");
        Problems(html, problems);
        html.Close("main");
        html.Close("body");
        html.Raw("</html>");
        return html.ToString();
    }

    private static string Count(IReadOnlyList<ResumeProblem> problems) => problems.Count == 1 ? "a problem" : $"{problems.Count} problems";

    private static void Problems(HtmlWriter html, IReadOnlyList<ResumeProblem> problems)
    {
        html.Open("ul", ("class", "notice__problems"));
        foreach (var problem in problems)
        {
            html.Element("li", Markup.Tag("code", Markup.Text(problem.Path)) + Markup.Text(" " + problem.Message));
        }
        html.Close("ul");
    }
}

using CloudResume.Resume.Model;
using CloudResume.Resume.Rendering;

namespace CloudResume.Resume;

/// <summary>
/// The one renderer of the resume page: the local site host serves what it returns and the deploy uploads it as
/// index.html, so both are the same bytes for the same resume. Deterministic (no clock, no culture), HTML-encoded
/// throughout (<see cref="Markup"/>), links only to http(s) and mailto:, nothing inline for the CSP to refuse.
/// </summary>
public static class ResumePage
{
    public const string FileName = "index.html";

    public static string Render(JsonResume resume) => Render(resume, [], "");

    /// <summary>
    /// The page; with <paramref name="problems"/> (the local host's case of <paramref name="fileName"/> saved invalid) the
    /// page of the last valid resume carries a notice naming each problem above everything else.
    /// </summary>
    public static string Render(JsonResume resume, IReadOnlyList<ResumeProblem> problems, string fileName)
    {
        var name = resume.Basics.Name?.Trim() ?? "";
        var main = MainSections.For(resume).Where(section => section.HasContent).ToList();
        var side = SideSections.For(resume).Where(section => section.HasContent).ToList();

        var html = new HtmlWriter();
        html.Raw("<!doctype html>");
        html.Raw("<!-- Rendered from resume.json (JSON Resume) by CloudResume.Resume: edit that file, not this page. -->");
        html.Raw("<html lang=\"en\">");
        PageHead.Write(html, resume);
        html.Open("body");
        html.Raw("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>");
        Header(html, name, [.. main, .. side]);
        html.Open("main", ("id", "main"), ("tabindex", "-1"));
        ResumeNotice.Write(html, fileName, problems);
        Hero(html, resume.Basics);
        html.Open("div", ("class", "container layout"));
        Column(html, "layout__primary", main);
        Column(html, "layout__secondary", side);
        html.Close("div");
        html.Close("main");
        Footer(html, name);
        html.Close("body");
        html.Raw("</html>");
        return html.ToString();
    }

    /// <summary>What is served while no valid resume has been read yet: the problems, and nothing that pretends to be the page.</summary>
    public static string RenderProblems(string fileName, IReadOnlyList<ResumeProblem> problems) => ResumeNotice.Page(fileName, problems);

    public static byte[] Utf8(string html) => Encoding.UTF8.GetBytes(html);

    /// <summary>The bytes of the page for a resume file, as the site serves them and the deploy uploads them; <see cref="InvalidResumeException"/> when it is not valid.</summary>
    public static byte[] RenderFile(string resumePath) => Utf8(Render(ResumeFile.Read(resumePath).EnsureValid()));

    private static void Header(HtmlWriter html, string name, IReadOnlyList<PageSection> sections)
    {
        html.Open("header", ("class", "site-header"));
        html.Open("div", ("class", "container site-header__inner"));
        html.Open("a", ("class", "brand"), ("href", "#top"), ("aria-label", $"{name}, back to top"));
        html.Raw("<img src=\"favicon.svg\" alt=\"\" width=\"28\" height=\"28\">");
        html.Text("span", name);
        html.Close("a");
        var links = sections.Where(section => section.InNavigation).ToList();
        if (links.Count > 0)
        {
            html.Open("nav", ("class", "site-nav"), ("aria-label", "Sections"));
            html.Open("ul", ("class", "site-nav__links"));
            links.ForEach(section => html.Element("li", Markup.Tag("a", Markup.Text(section.Title), ("href", "#" + section.Id))));
            html.Close("ul");
            html.Close("nav");
        }
        html.Close("div");
        html.Close("header");
    }

    private static void Hero(HtmlWriter html, Basics basics)
    {
        html.Open("div", ("class", "hero-band"));
        html.Open("div", ("class", "container hero"), ("id", "top"));
        html.Open("div", ("class", "hero__intro"));
        html.Raw("<p class=\"eyebrow\">Resume</p>");
        html.Text("h1", basics.Name, ("class", "hero__name"));
        html.Text("p", basics.Label, ("class", "hero__headline"));
        var location = basics.Location is { } l ? string.Join(", ", new[] { l.City, l.Region, l.CountryCode }.Where(part => PageSection.Any(part)).Select(part => part!.Trim())) : "";
        if (location.Length > 0)
        {
            html.Element("p", Markup.Tag("span", Markup.Text(location)), ("class", "hero__meta"));
        }
        var actions = Actions(basics).ToList();
        if (actions.Count > 0)
        {
            html.Open("ul", ("class", "hero__actions"));
            actions.ForEach(action => html.Element("li", action));
            html.Close("ul");
        }
        html.Close("div");
        VisitCounter(html);
        html.Close("div");
        html.Close("div");
    }

    /// <summary>The hero's buttons: email first, then the website and each profile that has a safe address.</summary>
    private static IEnumerable<Markup> Actions(Basics basics)
    {
        if (SafeUrl.Mailto(basics.Email) is { } mailto)
        {
            yield return Markup.Tag("a", Markup.Text("Email me"), ("class", "button button--primary"), ("href", mailto));
        }
        if (SafeUrl.Link(basics.Url) is { } website)
        {
            yield return Markup.Tag("a", Markup.Text("Website"), ("class", "button"), ("href", website));
        }
        foreach (var profile in basics.Profiles)
        {
            if (SafeUrl.Link(profile.Url) is { } url)
            {
                yield return Markup.Tag("a", Markup.Text(PageSection.Any(profile.Network) ? profile.Network!.Trim() : SafeUrl.Display(url)), ("class", "button"), ("href", url));
            }
        }
    }

    /// <summary>The counter's fixed markup; assets/site.js fills it in (stable hooks: #visits[data-state], #visit-count, #visit-sparkline).</summary>
    private static void VisitCounter(HtmlWriter html)
    {
        html.Raw("<aside class=\"visits\" id=\"visits\" data-state=\"loading\" aria-label=\"Site visits\">");
        html.Raw("  <p class=\"visits__label\">Site visits</p>");
        html.Raw("  <p class=\"visits__count\" id=\"visit-count\" role=\"status\">Counting visits…</p>");
        html.Raw("  <svg class=\"visits__sparkline\" id=\"visit-sparkline\" width=\"240\" height=\"48\" viewBox=\"0 0 240 48\" role=\"img\" aria-label=\"Daily views chart loading\" focusable=\"false\"></svg>");
        html.Raw("  <p class=\"visits__caption\" aria-hidden=\"true\">Views per day · last 30 days</p>");
        html.Raw("  <noscript><p class=\"visits__noscript\">The visit counter needs JavaScript.</p></noscript>");
        html.Raw("</aside>");
    }

    private static void Column(HtmlWriter html, string className, IReadOnlyList<PageSection> sections)
    {
        if (sections.Count == 0)
        {
            return;
        }
        html.Open("div", ("class", className));
        foreach (var section in sections)
        {
            section.Write(html);
        }
        html.Close("div");
    }

    private static void Footer(HtmlWriter html, string name)
    {
        html.Open("footer", ("class", "site-footer"));
        html.Open("div", ("class", "container site-footer__inner"));
        html.Text("p", $"© {name}");
        html.Raw("<p>Built for the <a href=\"https://cloudresumechallenge.dev/\">Cloud Resume Challenge</a> · hosted on AWS</p>");
        html.Close("div");
        html.Close("footer");
    }
}

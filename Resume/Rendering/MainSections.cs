using CloudResume.Resume.Model;

namespace CloudResume.Resume.Rendering;

/// <summary>The wide column: who, what they did, what they made and learned, what others said.</summary>
internal static class MainSections
{
    public static IEnumerable<PageSection> For(JsonResume resume)
    {
        var work = resume.Work.Where(w => HasContent(w, w.Name)).ToList();
        var projects = resume.Projects.Where(p => PageSection.Any(p.Name, p.Description) || p.Highlights.Count > 0).ToList();
        var education = resume.Education.Where(e => PageSection.Any(e.Institution, e.Area, e.StudyType)).ToList();
        var volunteer = resume.Volunteer.Where(v => HasContent(v, v.Organization)).ToList();
        var awards = resume.Awards.Where(a => PageSection.Any(a.Title, a.Summary)).ToList();
        var publications = resume.Publications.Where(p => PageSection.Any(p.Name, p.Summary)).ToList();
        var references = resume.References.Where(r => PageSection.Any(r.Text)).ToList();

        yield return new PageSection("about", "About", PageSection.Any(resume.Basics.Summary),
            html => Paragraphs.Write(html, resume.Basics.Summary, "lead"), InNavigation: true);
        yield return new PageSection("experience", "Experience", work.Count > 0,
            html => TimelineEntry.List(html, work, (entry, w) => Engagement(entry, w, w.Name, Markup.Text(w.Description), Markup.Text(w.Location))),
            InNavigation: true);
        yield return new PageSection("projects", "Projects", projects.Count > 0,
            html => projects.ForEach(project => Project(html, project)), InNavigation: true);
        yield return new PageSection("education", "Education", education.Count > 0,
            html => TimelineEntry.List(html, education, Education), InNavigation: true);
        yield return new PageSection("volunteering", "Volunteering", volunteer.Count > 0,
            html => TimelineEntry.List(html, volunteer, (entry, v) => Engagement(entry, v, v.Organization)));
        yield return new PageSection("awards", "Awards", awards.Count > 0,
            html => Cards.List(html, awards, (card, award) => Cards.Entry(card, Markup.Text(award.Title),
                Markup.Join(" · ", [Markup.Text(award.Awarder), ResumeDate.Time(award.Date)]), award.Summary)));
        yield return new PageSection("publications", "Publications", publications.Count > 0,
            html => Cards.List(html, publications, (card, publication) => Cards.Entry(card,
                SafeUrl.Anchor(publication.Url, Markup.Text(publication.Name)),
                Markup.Join(" · ", [Markup.Text(publication.Publisher), ResumeDate.Time(publication.ReleaseDate)]), publication.Summary)));
        yield return new PageSection("references", "References", references.Count > 0,
            html => references.ForEach(reference => Reference(html, reference)));
    }

    private static bool HasContent(Engagement entry, string? organisation) =>
        PageSection.Any(entry.Position, organisation, entry.Summary) || entry.Highlights.Count > 0;

    /// <summary>A job or a volunteer role: the position (else the organisation) as its title, the organisation linked under it.</summary>
    private static void Engagement(HtmlWriter html, Engagement entry, string? organisation, params Markup[] about)
    {
        var linked = entry.Position is null ? Markup.Empty : SafeUrl.Anchor(entry.Url, Markup.Text(organisation));
        TimelineEntry.Write(html, entry.Position ?? organisation ?? "", Markup.Join(" · ", [linked, .. about]),
            ResumeDate.Range(entry.StartDate, entry.EndDate), details =>
            {
                Paragraphs.Write(details, entry.Summary);
                details.List("ul", entry.Highlights, ("class", "role__points"));
            });
    }

    private static void Education(HtmlWriter html, Education education)
    {
        var degree = string.Join(" in ", new[] { education.StudyType, education.Area }.Where(part => PageSection.Any(part)));
        var title = degree.Length > 0 ? degree : education.Institution ?? "";
        var institution = degree.Length > 0 ? SafeUrl.Anchor(education.Url, Markup.Text(education.Institution)) : Markup.Empty;
        TimelineEntry.Write(html, title, institution, ResumeDate.Range(education.StartDate, education.EndDate), details =>
        {
            details.Text("p", string.IsNullOrWhiteSpace(education.Score) ? null : $"Score: {education.Score}");
            details.List("ul", education.Courses, ("class", "tags"), ("aria-label", "Courses"));
        });
    }

    private static void Project(HtmlWriter html, Project project)
    {
        html.Open("article", ("class", "card project"));
        html.Text("h3", project.Name, ("class", "project__title"));
        var meta = Markup.Join(" · ", [Markup.Text(project.Entity), Markup.Text(project.Type), Markup.Text(string.Join(", ", project.Roles)),
            ResumeDate.Range(project.StartDate, project.EndDate)]);
        if (!meta.IsEmpty)
        {
            html.Element("p", meta, ("class", "project__meta"));
        }
        Paragraphs.Write(html, project.Description);
        html.List("ul", project.Highlights, ("class", "role__points"));
        html.List("ul", project.Keywords, ("class", "tags"), ("aria-label", "Technologies"));
        if (PageSection.Any(project.Url))
        {
            html.Element("p", SafeUrl.Anchor(project.Url, Markup.Text(SafeUrl.Display(project.Url!))), ("class", "project__links"));
        }
        html.Close("article");
    }

    private static void Reference(HtmlWriter html, Reference reference)
    {
        html.Open("figure", ("class", "card reference"));
        html.Open("blockquote");
        Paragraphs.Write(html, reference.Text);
        html.Close("blockquote");
        html.Text("figcaption", reference.Name);
        html.Close("figure");
    }
}

using CloudResume.Resume.Model;

namespace CloudResume.Resume.Rendering;

/// <summary>The narrow column: skills, credentials, languages, interests and how to get in touch.</summary>
internal static class SideSections
{
    public static IEnumerable<PageSection> For(JsonResume resume)
    {
        var basics = resume.Basics;
        var skills = resume.Skills.Where(s => PageSection.Any(s.Name) || s.Keywords.Count > 0).ToList();
        var certificates = resume.Certificates.Where(c => PageSection.Any(c.Name)).ToList();
        var languages = resume.Languages.Where(l => PageSection.Any(l.Name)).ToList();
        var interests = resume.Interests.Where(i => PageSection.Any(i.Name) || i.Keywords.Count > 0).ToList();
        var contact = Contact(basics).ToList();

        yield return new PageSection("skills", "Skills", skills.Count > 0,
            html => skills.ForEach(skill => Group(html, Markup.Join(" · ", [Markup.Text(skill.Name), Markup.Text(skill.Level)]), skill.Keywords)),
            InNavigation: true);
        yield return new PageSection("certifications", "Certifications", certificates.Count > 0,
            html => Cards.List(html, certificates, (card, certificate) => Cards.Entry(card, Markup.Text(certificate.Name),
                Markup.Join(" · ", [Markup.Text(certificate.Issuer), ResumeDate.Time(certificate.Date)]), null,
                SafeUrl.Link(certificate.Url) is null ? Markup.Empty : SafeUrl.Anchor(certificate.Url, Markup.Text("Verify credential")))));
        yield return new PageSection("languages", "Languages", languages.Count > 0,
            html => Facts(html, languages.Select(language => (language.Name!, Markup.Text(language.Fluency)))));
        yield return new PageSection("interests", "Interests", interests.Count > 0,
            html => interests.ForEach(interest => Group(html, Markup.Text(interest.Name), interest.Keywords)));
        yield return new PageSection("contact", "Contact", contact.Count > 0, html => Facts(html, contact), InNavigation: true);
    }

    /// <summary>Email, phone, website and each profile, as label and value.</summary>
    private static IEnumerable<(string Label, Markup Value)> Contact(Basics basics)
    {
        if (PageSection.Any(basics.Email))
        {
            var email = basics.Email!.Trim();
            yield return ("Email", SafeUrl.Anchor("mailto:" + email, Markup.Text(email)));
        }
        if (PageSection.Any(basics.Phone))
        {
            yield return ("Phone", Markup.Text(basics.Phone));
        }
        if (PageSection.Any(basics.Url))
        {
            yield return ("Website", Address(basics.Url!));
        }
        foreach (var profile in basics.Profiles.Where(p => PageSection.Any(p.Url, p.Username)))
        {
            var label = PageSection.Any(profile.Network) ? profile.Network!.Trim() : "Profile";
            yield return (label, PageSection.Any(profile.Url) ? Address(profile.Url!) : Markup.Text(profile.Username));
        }
    }

    private static Markup Address(string url) => SafeUrl.Anchor(url, Markup.Text(SafeUrl.Display(url)));

    private static void Group(HtmlWriter html, Markup title, IReadOnlyList<string> keywords)
    {
        if (!title.IsEmpty)
        {
            html.Element("h3", title, ("class", "group__title"));
        }
        html.List("ul", keywords, ("class", "tags"));
    }

    private static void Facts(HtmlWriter html, IEnumerable<(string Label, Markup Value)> facts)
    {
        html.Open("ul", ("class", "facts"));
        foreach (var (label, value) in facts)
        {
            html.Element("li", Markup.Tag("span", Markup.Text(label), ("class", "facts__label")) + Markup.Text(" ") + value);
        }
        html.Close("ul");
    }
}

using CloudResume.Resume.Model;

namespace CloudResume.Resume.Rendering;

/// <summary>
/// The page's &lt;head&gt;: title and description from <c>basics</c>, Open Graph tags for a shared link, the
/// stylesheet and the counter's module script (both from this origin: the CSP allows nothing inline), and the
/// schema.org Person as a JSON-LD data block.
/// </summary>
internal static class PageHead
{
    /// <summary>Search engines show about this many characters of a description.</summary>
    public const int DescriptionLength = 160;

    public static string Title(Basics basics) =>
        PageSection.Any(basics.Label) ? $"{basics.Name?.Trim()} — {basics.Label!.Trim()}" : basics.Name?.Trim() ?? "";

    public static string Description(Basics basics) =>
        PageSection.Any(basics.Summary) ? Paragraphs.Excerpt(basics.Summary!, DescriptionLength)
        : PageSection.Any(basics.Label) ? $"Resume of {basics.Name?.Trim()}, {basics.Label!.Trim()}." : $"Resume of {basics.Name?.Trim()}.";

    public static void Write(HtmlWriter html, JsonResume resume, bool withCounter = true)
    {
        var basics = resume.Basics;
        var title = Title(basics);
        var description = Description(basics);
        html.Open("head");
        html.Raw("<meta charset=\"utf-8\">");
        html.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Text("title", title);
        html.Line(Meta("name", "description", description));
        html.Raw("<meta name=\"color-scheme\" content=\"light dark\">");
        html.Raw("<meta name=\"theme-color\" content=\"#f6f7f9\" media=\"(prefers-color-scheme: light)\">");
        html.Raw("<meta name=\"theme-color\" content=\"#0e131a\" media=\"(prefers-color-scheme: dark)\">");
        html.Raw("<meta property=\"og:type\" content=\"profile\">");
        html.Line(Meta("property", "og:title", title));
        html.Line(Meta("property", "og:description", description));
        if (SafeUrl.Link(basics.Image) is { } image && !image.StartsWith("mailto:", StringComparison.Ordinal))
        {
            html.Line(Meta("property", "og:image", image));
        }
        html.Raw("<meta name=\"twitter:card\" content=\"summary\">");
        html.Raw("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">");
        html.Raw("<link rel=\"stylesheet\" href=\"assets/site.css\">");
        if (withCounter)
        {
            html.Raw("<script type=\"module\" src=\"assets/site.js\"></script>");
        }
        html.Line(Markup.JsonData(PersonJsonLd.For(resume)));
        html.Close("head");
    }

    private static Markup Meta(string kind, string name, string content) => Markup.Void("meta", (kind, name), ("content", content));
}

namespace CloudResume.Resume.Rendering;

/// <summary>Entries shown as cards (awards, certificates, publications): a name, a muted line, a summary, a link.</summary>
internal static class Cards
{
    public static void List<T>(HtmlWriter html, IEnumerable<T> entries, Action<HtmlWriter, T> entry)
    {
        html.Open("ul", ("class", "entries"));
        foreach (var item in entries)
        {
            html.Open("li", ("class", "card entry"));
            entry(html, item);
            html.Close("li");
        }
        html.Close("ul");
    }

    public static void Entry(HtmlWriter html, Markup name, Markup meta, string? summary, Markup link = default)
    {
        html.Element("h3", name, ("class", "entry__name"));
        if (!meta.IsEmpty)
        {
            html.Element("p", meta, ("class", "entry__meta"));
        }
        Paragraphs.Write(html, summary);
        if (!link.IsEmpty)
        {
            html.Line(link);
        }
    }
}

namespace CloudResume.Resume.Rendering;

/// <summary>
/// An entry of a timeline (a job, a volunteer role, a degree): its title and dates on one line, the organisation
/// under them, then whatever details the section has.
/// </summary>
internal static class TimelineEntry
{
    public static void Write(HtmlWriter html, string title, Markup organisation, Markup when, Action<HtmlWriter> details)
    {
        html.Open("li", ("class", "role"));
        html.Open("div", ("class", "role__head"));
        html.Text("h3", title, ("class", "role__title"));
        if (!when.IsEmpty)
        {
            html.Element("p", when, ("class", "role__when"));
        }
        html.Close("div");
        if (!organisation.IsEmpty)
        {
            html.Element("p", organisation, ("class", "role__org"));
        }
        details(html);
        html.Close("li");
    }

    /// <summary>The entries newest first, as the file lists them, in one ordered list.</summary>
    public static void List<T>(HtmlWriter html, IEnumerable<T> entries, Action<HtmlWriter, T> entry)
    {
        html.Open("ol", ("class", "timeline"));
        foreach (var item in entries)
        {
            entry(html, item);
        }
        html.Close("ol");
    }
}

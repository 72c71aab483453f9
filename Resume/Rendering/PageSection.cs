namespace CloudResume.Resume.Rendering;

/// <summary>
/// One section of the page (<c>&lt;section id&gt;</c> with its h2), written only when the resume has data for it,
/// so a resume without awards has no "Awards" heading and no link to one.
/// </summary>
internal sealed record PageSection(string Id, string Title, bool HasContent, Action<HtmlWriter> Body, bool InNavigation = false)
{
    public void Write(HtmlWriter html)
    {
        html.Open("section", ("class", "section"), ("id", Id), ("aria-labelledby", Id + "-title"));
        html.Text("h2", Title, ("id", Id + "-title"));
        Body(html);
        html.Close("section");
    }

    /// <summary>True when any of the values has text.</summary>
    public static bool Any(params string?[] values) => values.Any(value => !string.IsNullOrWhiteSpace(value));
}

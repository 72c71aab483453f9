namespace CloudResume.Resume.Rendering;

/// <summary>Writes the page as indented lines of <see cref="Markup"/>, so its source stays readable.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new();
    private int _depth;

    public HtmlWriter Line(Markup markup)
    {
        _html.Append(' ', 2 * _depth).Append(markup.Html).Append('\n');
        return this;
    }

    /// <summary>The renderer's own fixed markup (no resume content ever passes through here).</summary>
    public HtmlWriter Raw(string fixedMarkup)
    {
        _html.Append(' ', 2 * _depth).Append(fixedMarkup).Append('\n');
        return this;
    }

    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        Raw(Markup.StartTag(tag, attributes));
        _depth++;
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _depth--;
        return Raw($"</{tag}>");
    }

    public HtmlWriter Element(string tag, Markup content, params (string Name, string? Value)[] attributes) =>
        Line(Markup.Tag(tag, content, attributes));

    /// <summary>An element around plain text, left out when the text is empty.</summary>
    public HtmlWriter Text(string tag, string? text, params (string Name, string? Value)[] attributes) =>
        string.IsNullOrWhiteSpace(text) ? this : Element(tag, Markup.Text(text), attributes);

    /// <summary>A list of plain-text items, left out when there are none.</summary>
    public HtmlWriter List(string tag, IEnumerable<string> items, params (string Name, string? Value)[] attributes)
    {
        var present = items.Where(item => !string.IsNullOrWhiteSpace(item)).ToList();
        if (present.Count == 0)
        {
            return this;
        }
        Open(tag, attributes);
        foreach (var item in present)
        {
            Text("li", item);
        }
        return Close(tag);
    }

    public override string ToString() => _html.ToString();
}

namespace CloudResume.Resume.Rendering;

/// <summary>
/// The only addresses the page links to: absolute http(s) URLs and mailto:. Anything else (javascript:, data:,
/// a relative path) is shown as text, never as a link, whatever the schema let through.
/// </summary>
internal static class SafeUrl
{
    public static string? Link(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }
        return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp ? uri.AbsoluteUri
            : uri.Scheme == Uri.UriSchemeMailto ? Mailto(uri.OriginalString["mailto:".Length..]) : null;
    }

    /// <summary>A mailto: for one plain address (no second recipient, header or query smuggled in).</summary>
    public static string? Mailto(string? email)
    {
        var address = email?.Trim();
        return address is { Length: > 2 } && address.IndexOf('@') > 0 && !address.Any(c => char.IsWhiteSpace(c) || c is '?' or '&' or ',' or ';' or ':' or '/' or '<' or '>')
            ? "mailto:" + address : null;
    }

    /// <summary>How a URL reads in the text: <c>linkedin.com/in/you</c> for <c>https://www.linkedin.com/in/you/</c>.</summary>
    public static string Display(string url)
    {
        var text = url.Trim();
        foreach (var prefix in new[] { "https://", "http://", "mailto:" })
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                text = text[prefix.Length..];
            }
        }
        if (text.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..];
        }
        return text.TrimEnd('/');
    }

    /// <summary>A link when the address is safe, otherwise the text alone.</summary>
    public static Markup Anchor(string? url, Markup text, params (string Name, string? Value)[] attributes) =>
        Link(url) is { } href ? Markup.Tag("a", text, [("href", href), .. attributes]) : text;
}

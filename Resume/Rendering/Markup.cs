using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CloudResume.Resume.Rendering;

/// <summary>
/// A fragment of HTML that is safe to write as it is: made only from encoded text and the renderer's own tag and
/// attribute names, so a resume's content can never become markup (a <c>&lt;script&gt;</c> in a field shows as text).
/// </summary>
internal readonly record struct Markup
{
    // Every script may stay as itself (smaller, readable source); the encoder still escapes < > & " ' and the like.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private Markup(string html) => Html = html;

    public string Html { get; }

    public static Markup Empty { get; } = new("");

    public bool IsEmpty => string.IsNullOrEmpty(Html);

    public static Markup Text(string? text) => new(Encoder.Encode(text ?? ""));

    /// <summary>An element whose attribute values are encoded; a null value leaves the attribute out.</summary>
    public static Markup Tag(string name, Markup content, params (string Name, string? Value)[] attributes) =>
        new($"{StartTag(name, attributes)}{content.Html}</{name}>");

    /// <summary>A void element (meta, img): attributes only, no end tag.</summary>
    public static Markup Void(string name, params (string Name, string? Value)[] attributes) => new(StartTag(name, attributes));

    /// <summary>
    /// A JSON-LD data block. Its JSON is written as it is (a script element's text is not HTML-decoded), so it must
    /// come escaped with no '&lt;' at all: then nothing in it can end the element or open a comment.
    /// </summary>
    public static Markup JsonData(string json) => json.Contains('<')
        ? throw new ArgumentException("JSON for a data block must have every '<' escaped as \\u003C.", nameof(json))
        : new($"<script type=\"application/ld+json\">{json}</script>");

    public static string StartTag(string name, (string Name, string? Value)[] attributes) =>
        $"<{name}{string.Concat(attributes.Where(a => a.Value is not null).Select(a => $" {a.Name}=\"{Encoder.Encode(a.Value!)}\""))}>";

    /// <summary>The non-empty parts joined by <paramref name="separator"/> (text, encoded).</summary>
    public static Markup Join(string separator, IEnumerable<Markup> parts) =>
        new(string.Join(Encoder.Encode(separator), parts.Where(part => !part.IsEmpty).Select(part => part.Html)));

    public static Markup operator +(Markup left, Markup right) => new(left.Html + right.Html);

    public override string ToString() => Html;
}

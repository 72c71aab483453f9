using System.Text.RegularExpressions;

namespace CloudResume.Resume.Rendering;

/// <summary>Multi-paragraph text fields (a summary): a blank line in the file starts a new paragraph on the page.</summary>
internal static partial class Paragraphs
{
    public static IReadOnlyList<string> Split(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. BlankLine().Split(text.Trim()).Select(p => p.Trim()).Where(p => p.Length > 0)];

    public static void Write(HtmlWriter html, string? text, string? firstClass = null)
    {
        var paragraphs = Split(text);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            html.Text("p", paragraphs[i], ("class", i == 0 ? firstClass : null));
        }
    }

    /// <summary>The first paragraph on one line, cut at a word near <paramref name="max"/> characters: a meta description.</summary>
    public static string Excerpt(string text, int max)
    {
        var first = Whitespace().Replace(Split(text).FirstOrDefault() ?? "", " ");
        if (first.Length <= max)
        {
            return first;
        }
        var cut = first.LastIndexOf(' ', max - 1);
        return first[..(cut > 0 ? cut : max - 1)].TrimEnd(',', ';', ':', ' ') + "…";
    }

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

using System.Text.RegularExpressions;

namespace CloudResume.Tests.Resume;

/// <summary>What the tests read back from a rendered page (the renderer's own markup: well-formed, double-quoted attributes).</summary>
internal static partial class PageMarkup
{
    public static IReadOnlyList<string> Hrefs(string html) => [.. Href().Matches(html).Select(m => m.Groups[1].Value)];

    public static IReadOnlyList<int> HeadingLevels(string html) => [.. Heading().Matches(html).Select(m => m.Groups[1].Value[0] - '0')];

    public static IReadOnlyList<string> SectionIds(string html) => [.. Section().Matches(html).Select(m => m.Groups[1].Value)];

    public static string Meta(string html, string attribute, string name) =>
        Regex.Match(html, $"<meta {attribute}=\"{Regex.Escape(name)}\" content=\"([^\"]*)\">").Groups[1].Value;

    /// <summary>The JSON-LD data block's raw text and its parsed document.</summary>
    public static (string Raw, JsonDocument Json) JsonLd(string html)
    {
        var raw = JsonLdBlock().Match(html).Groups[1].Value;
        return (raw, JsonDocument.Parse(raw));
    }

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();

    [GeneratedRegex("<h([1-6])[ >]")]
    private static partial Regex Heading();

    [GeneratedRegex("<section class=\"section\" id=\"([^\"]+)\"")]
    private static partial Regex Section();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdBlock();
}

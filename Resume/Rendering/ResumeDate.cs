namespace CloudResume.Resume.Rendering;

/// <summary>
/// A JSON Resume date (YYYY-MM-DD, YYYY-MM or YYYY) as the page shows it: <c>&lt;time datetime="2023-03"&gt;Mar 2023&lt;/time&gt;</c>.
/// Ranges read "Mar 2023 – Present" while the end is open.
/// </summary>
internal static class ResumeDate
{
    public static Markup Time(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return Markup.Empty;
        }
        var parts = date.Trim().Split('-');
        // The schema's pattern allows a month 13: such a date shows as written rather than being guessed at.
        var shown = parts.Length >= 2 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12
            ? $"{DateTimeFormatInfo.InvariantInfo.GetAbbreviatedMonthName(month)} {parts[0]}"
            : date.Trim();
        return Markup.Tag("time", Markup.Text(shown), ("datetime", date.Trim()));
    }

    public static Markup Range(string? start, string? end)
    {
        if (string.IsNullOrWhiteSpace(start))
        {
            return Time(end);
        }
        return Time(start) + Markup.Text(" – ") + (string.IsNullOrWhiteSpace(end) ? Markup.Text("Present") : Time(end));
    }
}

namespace CloudResume.Counter.Counting;

/// <summary>
/// Known crawlers by user agent. Deliberately narrow: curl, HeadlessChrome and Playwright are real
/// clients here (tests, the local site), and a bare "bot" substring would also match phones like "Cubot".
/// </summary>
public static class BotDetector
{
    private static readonly string[] Markers =
    [
        "googlebot", "bingbot", "slurp", "duckduckbot", "baiduspider", "yandexbot", "applebot",
        "ahrefsbot", "semrushbot", "mj12bot", "dotbot", "petalbot", "bytespider", "gptbot",
        "facebookexternalhit", "twitterbot", "linkedinbot", "discordbot", "slackbot", "telegrambot",
        "bot/", "bot;", "bot)", "crawler", "spider", "+http",
    ];

    public static bool IsBot(string userAgent)
    {
        foreach (var marker in Markers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

using System.Security.Cryptography;
using CloudResume.Counter.Counting;

namespace CloudResume.Tests.Counter.Unit;

public class VisitorHashTests
{
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(32);
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    public void Never_contains_the_ip(string ip)
    {
        var hash = VisitorHash.Compute(Salt, ip, ApiEvents.Browser, Day);

        Assert.DoesNotContain(ip, hash);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ip)).TrimEnd('='), hash);
        Assert.Equal(43, hash.Length); // base64url of 32 bytes, unpadded: safe inside a key
        Assert.DoesNotContain('#', hash);
    }

    [Fact]
    public void Same_visitor_same_day_same_hash()
    {
        Assert.Equal(VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day), VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day));
    }

    [Fact]
    public void Changes_with_the_salt_the_day_the_ip_and_the_user_agent()
    {
        var baseline = VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day);

        Assert.NotEqual(baseline, VisitorHash.Compute(RandomNumberGenerator.GetBytes(32), "203.0.113.7", "ua", Day));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day.AddDays(1)));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.8", "ua", Day));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.7", "ua2", Day));
    }

    [Fact]
    public void Fields_cannot_run_into_each_other()
    {
        Assert.NotEqual(VisitorHash.Compute(Salt, "1.2.3.4", "5 ua", Day), VisitorHash.Compute(Salt, "1.2.3.45", " ua", Day));
    }
}

public class UtcDayTests
{
    [Fact]
    public void Expiry_is_start_of_next_utc_day_plus_one_day_in_epoch_seconds()
    {
        var day = UtcDay.Of(new DateTimeOffset(2024, 3, 10, 23, 59, 59, TimeSpan.Zero));

        Assert.Equal("2024-03-10", day.Key);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), day.ExpiresAtEpochSeconds);
        Assert.InRange(day.ExpiresAtEpochSeconds, 1_000_000_000L, 9_999_999_999L); // seconds, not milliseconds
    }

    [Fact]
    public void Day_is_taken_in_utc_not_local_offset()
    {
        var lateInNewYork = new DateTimeOffset(2024, 3, 10, 22, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal("2024-03-11", UtcDay.Of(lateInNewYork).Key);
    }

    [Fact]
    public void Keys_follow_the_table_contract()
    {
        var day = new UtcDay(new DateOnly(2025, 1, 2));
        Assert.Equal("total", TableKeys.Total);
        Assert.Equal("v20250102", TableKeys.DayViews(day));
        Assert.Equal("u20250102", TableKeys.DayVisitors(day));
        Assert.Equal("salt#2025-01-02", TableKeys.SaltOf(day));
        Assert.Equal("visitor#2025-01-02#abc", TableKeys.Visitor(day, "abc"));
    }
}

public class BotDetectorTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0)")]
    [InlineData("SomeCrawler/1.0")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)")]
    public void Known_crawlers_are_bots(string userAgent) => Assert.True(BotDetector.IsBot(userAgent));

    [Theory]
    [InlineData(ApiEvents.Browser)]
    [InlineData("curl/8.5.0")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("Playwright/1.64.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 10; Cubot X30) AppleWebKit/537.36 Chrome/90.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1")]
    public void Browsers_and_test_clients_are_not_bots(string userAgent) => Assert.False(BotDetector.IsBot(userAgent));
}

public class SeenVisitorsTests
{
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Fact]
    public void Remembers_a_hash_for_its_day_only()
    {
        var seen = new SeenVisitors();
        seen.Add(Day, "h1");

        Assert.True(seen.Contains(Day, "h1"));
        Assert.False(seen.Contains(Day, "h2"));
        Assert.False(seen.Contains(Day.AddDays(1), "h1"));
    }

    [Fact]
    public void A_new_day_forgets_yesterday_and_a_late_yesterday_does_not_wipe_today()
    {
        var seen = new SeenVisitors();
        seen.Add(Day, "h1");
        seen.Add(Day.AddDays(1), "h2");
        seen.Add(Day, "late");

        Assert.Equal(1, seen.Count);
        Assert.True(seen.Contains(Day.AddDays(1), "h2"));
        Assert.False(seen.Contains(Day, "h1"));
    }

    [Fact]
    public void Stays_within_its_capacity()
    {
        var seen = new SeenVisitors(capacity: 3);
        foreach (var hash in new[] { "a", "b", "c", "d", "e" })
        {
            seen.Add(Day, hash);
        }

        Assert.Equal(3, seen.Count);
        Assert.False(seen.Contains(Day, "e")); // not remembered: the conditional put decides again, nothing is lost
    }
}

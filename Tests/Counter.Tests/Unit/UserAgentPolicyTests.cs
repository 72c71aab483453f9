namespace CloudResume.Tests.Counter.Unit;

public class UserAgentPolicyTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("Mozilla/5.0 (compatible; Baiduspider/2.0)")]
    [InlineData("SomeCrawler/1.0")]
    [InlineData("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)")]
    [InlineData("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0; +https://openai.com/gptbot)")]
    public void Known_crawlers_are_bots(string userAgent) => Assert.Equal(ClientKind.Bot, UserAgentPolicy.Classify(userAgent));

    [Theory]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Python-urllib/3.11")]
    [InlineData("Go-http-client/1.1")]
    [InlineData("okhttp/4.12.0")]
    [InlineData("PostmanRuntime/7.39.0")]
    [InlineData("Playwright/1.64.1")]
    [InlineData("Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36 python-requests/2.31")]
    [InlineData("UA-one")]
    [InlineData("Mozilla/5.0")]
    public void Tools_libraries_monitors_and_scanners_are_not_browsers(string userAgent) =>
        Assert.Equal(ClientKind.NotABrowser, UserAgentPolicy.Classify(userAgent));

    [Theory]
    [InlineData(ApiEvents.Browser)]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36")]
    [InlineData("Mozilla/5.0 (Linux; Android 10; Cubot X30) AppleWebKit/537.36 Chrome/90.0 Mobile Safari/537.36")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko")]
    public void Browsers_headless_ones_included_are_counted(string userAgent) =>
        Assert.Equal(ClientKind.Browser, UserAgentPolicy.Classify(userAgent));
}

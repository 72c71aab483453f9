using System.Text.RegularExpressions;

namespace CloudResume.Tests.System;

/// <summary>What a visitor of the resume site sees, in a real browser against the whole local system.</summary>
[Collection(CloudResumeCollection.Name)]
public sealed partial class SiteInBrowserTests(CloudResumeApp app, BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private Task<(IPage Page, List<string> Errors)> OpenAsync(IBrowserContext context) => BrowserSession.OpenAsync(context, app.SiteUrl);

    internal static async Task<string> SettledCountAsync(IPage page)
    {
        await page.WaitForSelectorAsync("#visits:not([data-state='loading'])", new() { Timeout = (float)Wait.TotalMilliseconds });
        return await page.InnerTextAsync("#visit-count");
    }

    private static long ViewsShown(string text)
    {
        var match = ViewsPattern().Match(text);
        Assert.True(match.Success, $"the page shows '{text}', not a count");
        return long.Parse(match.Groups[1].Value.Replace(",", ""));
    }

    [Fact]
    public async Task The_page_shows_the_count_and_a_reload_in_the_same_session_does_not_count_again()
    {
        await using var context = await browser.Browser.NewContextAsync();
        var (page, errors) = await OpenAsync(context);

        var first = await SettledCountAsync(page);
        Assert.Matches(ViewsPattern(), first);
        Assert.Equal("ready", await page.GetAttributeAsync("#visits", "data-state"));
        // The first, counting load asks for 30 days too: the chart is drawn, not left empty.
        Assert.True(await page.QuerySelectorAsync("#visit-sparkline polyline") is not null,
            await page.EvalOnSelectorAsync<string>("#visit-sparkline", "e => e.outerHTML"));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("site.png"), FullPage = true });

        await page.ReloadAsync();
        var second = await SettledCountAsync(page);
        Assert.Equal(ViewsShown(first), ViewsShown(second));
        BrowserSession.AssertNoErrors(errors);
    }

    [Fact]
    public async Task A_new_browser_session_counts_one_more_view()
    {
        await using var first = await browser.Browser.NewContextAsync();
        var before = ViewsShown(await SettledCountAsync((await OpenAsync(first)).Page));

        await using var second = await browser.Browser.NewContextAsync();
        var (page, errors) = await OpenAsync(second);
        var after = ViewsShown(await SettledCountAsync(page));

        Assert.True(after >= before + 1, $"views {before} -> {after}");
        BrowserSession.AssertNoErrors(errors);
    }

    [Fact]
    public async Task With_the_api_stopped_the_page_shows_the_quiet_fallback_and_no_script_error()
    {
        await app.StopResourceAsync("api");
        try
        {
            await using var context = await browser.Browser.NewContextAsync();
            var (page, errors) = await OpenAsync(context);
            var text = await SettledCountAsync(page);

            Assert.Equal("unavailable", await page.GetAttributeAsync("#visits", "data-state"));
            Assert.Matches("unavailable", text);
            // Chromium itself logs the refused request; the page's script must add nothing.
            Assert.All(errors, e => Assert.Contains("Failed to load resource", e));
        }
        finally
        {
            await app.StartResourceAsync("api");
            await app.WaitUntilApiAnswersAsync();
        }
    }

    [GeneratedRegex(@"^([\d,]+) views? · ([\d,]+) visitors?$")]
    private static partial Regex ViewsPattern();
}

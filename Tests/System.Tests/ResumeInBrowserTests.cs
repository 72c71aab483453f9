using System.Text.RegularExpressions;
using CloudResume.Resume;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudResume.Tests.System;

/// <summary>
/// An owner's resume.json as visitors see it: saved, served again within a second without a restart, every section
/// shown, hostile content inert, a clean printout, and problems named where the owner looks.
/// </summary>
[Collection(CloudResumeCollection.Name)]
public sealed partial class ResumeInBrowserTests(CloudResumeApp app, BrowserSession browser) : IClassFixture<BrowserSession>
{
    private static readonly TimeSpan SaveToServed = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_saved_resume_is_served_within_a_second_and_shows_every_section()
    {
        var (_, elapsed) = await app.Resume.SaveAsync(await File.ReadAllTextAsync(SampleResumes.Rich));
        try
        {
            Assert.True(elapsed < SaveToServed, $"saved → served took {elapsed.TotalMilliseconds:0} ms");
            // What the deploy uploads for the same file (Infra.Tests compares that upload with the same render).
            using var http = new HttpClient();
            Assert.Equal(ResumePage.RenderFile(app.Resume.Path), await http.GetByteArrayAsync(app.SiteUrl));

            await using var context = await browser.Browser.NewContextAsync();
            var (page, errors) = await BrowserSession.OpenAsync(context, app.SiteUrl);

            Assert.Equal("Ana Łucja Pereira — Site Reliability Engineer", await page.TitleAsync());
            Assert.Equal("Ana Łucja Pereira", await page.Locator("h1").TextContentAsync());
            Assert.Equal(
                ["About", "Experience", "Projects", "Education", "Volunteering", "Awards", "Publications", "References",
                 "Skills", "Certifications", "Languages", "Interests", "Contact"],
                await page.Locator("main h2").AllTextContentsAsync());
            Assert.Equal(["About", "Experience", "Projects", "Education", "Skills", "Contact"], await page.Locator("nav a").AllTextContentsAsync());
            foreach (var text in new[] { "Staff SRE", "Apr 2021 – Present", "+351 21 000 0000", "Native speaker", "Ana made our on-call humane.", "Score: 18/20" })
            {
                Assert.True(await page.GetByText(text, new() { Exact = false }).First.IsVisibleAsync(), $"'{text}' is not visible");
            }
            Assert.Equal("https://github.com/ana-sre", await page.GetByRole(AriaRole.Link, new() { Name = "GitHub", Exact = true }).GetAttributeAsync("href"));
            Assert.Equal("Ana Łucja Pereira — Site Reliability Engineer", await page.Locator("meta[property='og:title']").GetAttributeAsync("content"));
            Assert.Equal("Ana Łucja Pereira", await page.EvaluateAsync<string>(
                "JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent).name"));
            // The counter still works on a rendered page, and nothing (the JSON-LD block included) broke the CSP.
            Assert.Matches(@"^[\d,]+ views? · ", await SiteInBrowserTests.SettledCountAsync(page));
            await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("resume-rich.png"), FullPage = true });
            BrowserSession.AssertNoErrors(errors);
        }
        finally
        {
            await app.Resume.RestoreSampleAsync();
        }
    }

    [Fact]
    public async Task Markup_and_script_urls_in_the_resume_show_as_text_and_run_nothing()
    {
        await app.Resume.SaveAsync(await File.ReadAllTextAsync(SampleResumes.Injection));
        try
        {
            await using var context = await browser.Browser.NewContextAsync();
            var (page, errors) = await BrowserSession.OpenAsync(context, app.SiteUrl);
            await SiteInBrowserTests.SettledCountAsync(page);

            Assert.Equal("<script>window.injected = 'name'</script>Eve", await page.Locator("h1").TextContentAsync());
            Assert.Equal("\"><img src=x onerror=\"window.injected='label'\">", await page.Locator(".hero__headline").TextContentAsync());
            Assert.True(await page.EvaluateAsync<bool>("window.injected === undefined"), "a field's script ran");
            // The page's own two scripts and nothing else; no event handler attribute anywhere; no link but http(s)/mailto/#.
            Assert.Equal(2, await page.EvaluateAsync<int>("document.scripts.length"));
            Assert.Equal(0, await page.EvaluateAsync<int>(
                "[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
            Assert.Equal(0, await page.Locator("iframe, style, main img, main svg:not(#visit-sparkline), main b").CountAsync());
            Assert.All(await page.EvaluateAsync<string[]>("[...document.links].map(a => a.getAttribute('href'))"),
                href => Assert.Matches("^(https?://|mailto:|#)", href));
            Assert.True(await page.GetByText("javascript:window.injected='project'").IsVisibleAsync());
            Assert.NotEqual("none", await page.EvaluateAsync<string>("getComputedStyle(document.body).display"));
            BrowserSession.AssertNoErrors(errors);
        }
        finally
        {
            await app.Resume.RestoreSampleAsync();
        }
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("rich")]
    public async Task Printing_gives_a_clean_resume_of_at_most_two_pages(string resume)
    {
        await app.Resume.SaveAsync(await File.ReadAllTextAsync(resume == "rich" ? SampleResumes.Rich : RepositoryLayout.Current.Resume));
        try
        {
            await using var context = await browser.Browser.NewContextAsync();
            var (page, _) = await BrowserSession.OpenAsync(context, app.SiteUrl);
            await page.EmulateMediaAsync(new() { Media = Media.Print });

            foreach (var hidden in new[] { ".site-header", "#visits", ".hero__actions", ".site-footer" })
            {
                Assert.False(await page.Locator(hidden).IsVisibleAsync(), $"{hidden} shows in print");
            }
            Assert.True(await page.Locator("h1").IsVisibleAsync());
            Assert.True(await page.Locator("#contact").IsVisibleAsync());
            var pdf = await page.PdfAsync(new() { Format = "A4" });
            await File.WriteAllBytesAsync(BrowserSession.ScreenshotPath($"resume-{resume}.pdf"), pdf);
            var pages = PdfPage().Matches(global::System.Text.Encoding.Latin1.GetString(pdf)).Count;
            Assert.InRange(pages, 1, 2);
        }
        finally
        {
            await app.Resume.RestoreSampleAsync();
        }
    }

    [Fact]
    public async Task A_save_with_problems_keeps_the_last_page_with_a_notice_and_the_site_resource_names_the_field()
    {
        await app.Resume.RestoreSampleAsync();
        try
        {
            var (html, _) = await app.Resume.SaveAsync("""{"basics": {"label": "Cloud Engineer", "url": "my site"}}""");

            Assert.Contains("<h1 class=\"hero__name\">Your Name</h1>", html);
            await using var context = await browser.Browser.NewContextAsync();
            var (page, errors) = await BrowserSession.OpenAsync(context, app.SiteUrl);
            var notice = await page.GetByRole(AriaRole.Alert).TextContentAsync();
            Assert.Contains("basics.name is required", notice);
            Assert.Contains("basics.url must be a full URL", notice);
            Assert.Equal("Your Name", await page.Locator("h1").TextContentAsync());
            BrowserSession.AssertNoErrors(errors);

            // The dashboard: the site resource is unhealthy and its health report says what is wrong, and where.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var unhealthy = await app.App.ResourceNotifications.WaitForResourceAsync("site",
                e => e.Snapshot.HealthReports.Any(r => r.Status == HealthStatus.Unhealthy && r.Description?.Contains("basics.name: is required") == true),
                timeout.Token);
            Assert.Contains(unhealthy.Snapshot.HealthReports, r => r.Description?.Contains(app.Resume.Path) == true);
        }
        finally
        {
            var (html, _) = await app.Resume.RestoreSampleAsync();
            Assert.DoesNotContain("role=\"alert\"", html);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await app.App.ResourceNotifications.WaitForResourceHealthyAsync("site", timeout.Token);
        }
    }

    [Fact]
    public async Task The_sample_page_weighs_under_50_KB_as_the_browser_loads_it()
    {
        await app.Resume.RestoreSampleAsync();
        await using var context = await browser.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var sizes = new List<(string Url, int Bytes)>();
        page.Response += async (_, response) =>
        {
            if (response.Url.StartsWith(app.SiteUrl, StringComparison.Ordinal))
            {
                sizes.Add((response.Url, (await response.BodyAsync()).Length));
            }
        };
        await page.GotoAsync(app.SiteUrl, new() { WaitUntil = WaitUntilState.NetworkIdle });

        var total = sizes.Sum(s => s.Bytes);
        Assert.Contains(sizes, s => s.Url.EndsWith("/assets/site.css", StringComparison.Ordinal));
        Assert.True(total < 50 * 1024, string.Join(", ", sizes.Select(s => $"{s.Url} {s.Bytes} B")));
    }

    // One "/Type /Page" object per printed page ("/Pages" is the page tree).
    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PdfPage();
}

namespace CloudResume.Tests.System;

/// <summary>
/// Debian's chromium driven by Playwright (Playwright's own browser download is not reachable here);
/// the test command installs chromium when it is missing.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: run the test command from README.md, which installs it.");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root in a sandboxed machine with no outside network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// Opens <paramref name="url"/> in a new page of <paramref name="context"/>, collecting what a developer would see in the
    /// console: errors and warnings, uncaught exceptions, and every Content-Security-Policy violation the page reports.
    /// </summary>
    public static async Task<(IPage Page, List<string> Errors)> OpenAsync(IBrowserContext context, string url)
    {
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add($"{message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
        // Injected by the browser itself, so the page's CSP does not apply to this listener.
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));");
        await page.GotoAsync(url);
        return (page, errors);
    }

    /// <summary>Fails with every message the page reported, so the failure says what went wrong.</summary>
    public static void AssertNoErrors(IReadOnlyList<string> errors) =>
        Assert.True(errors.Count == 0, "The page reported:\n" + string.Join('\n', errors));

    /// <summary>Where a test keeps what it saw (TestResults/screenshots), for a person to look at afterwards.</summary>
    public static string ScreenshotPath(string name)
    {
        var screenshots = RepositoryLayout.Current.Combine("TestResults", "screenshots");
        Directory.CreateDirectory(screenshots);
        return Path.Combine(screenshots, name);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
    }
}

namespace CloudResume.Tests.System;

/// <summary>
/// The resume file the AppHost's site renders in these tests (<c>CloudResume:Resume</c>): a copy of the checkout's
/// sample in a folder of its own, which tests overwrite as an owner saves it in an editor.
/// </summary>
public sealed class SiteResume : IDisposable
{
    private static readonly TimeSpan ServedWithin = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("cloudresume-resume-");
    private readonly string _siteUrl;

    /// <param name="initial">The file's content at start; null: a copy of the checkout's sample.</param>
    public SiteResume(string siteUrl, string? initial = null)
    {
        _siteUrl = siteUrl;
        File.WriteAllText(Path, initial ?? File.ReadAllText(RepositoryLayout.Current.Resume));
    }

    public string Path => global::System.IO.Path.Combine(_directory.FullName, "resume.json");

    /// <summary>The checkout's sample again (the page every other test expects).</summary>
    public Task<(string Html, TimeSpan SaveToServed)> RestoreSampleAsync() => SaveAsync(File.ReadAllText(RepositoryLayout.Current.Resume));

    /// <summary>Saves <paramref name="json"/> and waits until the site serves a page rendered from it: the page, and how long that took.</summary>
    public async Task<(string Html, TimeSpan SaveToServed)> SaveAsync(string json)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_siteUrl) };
        using var current = await http.GetAsync("/");
        if (await File.ReadAllTextAsync(Path) == json)
        {
            return (await current.Content.ReadAsStringAsync(), TimeSpan.Zero);
        }
        var before = current.Headers.ETag?.Tag;
        var saved = Stopwatch.StartNew();
        await File.WriteAllTextAsync(Path, json);
        while (saved.Elapsed < ServedWithin)
        {
            using var page = await http.GetAsync("/");
            if (page.Headers.ETag?.Tag != before)
            {
                return (await page.Content.ReadAsStringAsync(), saved.Elapsed);
            }
            await Task.Delay(10);
        }
        Assert.Fail($"The site still served its previous page {ServedWithin.TotalSeconds} s after {Path} was saved.");
        return default;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}

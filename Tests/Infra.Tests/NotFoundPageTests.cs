using System.Text.RegularExpressions;

namespace CloudResume.Tests.Infra;

/// <summary>
/// Without s3:ListBucket (the bucket policy grants only s3:GetObject) S3 answers a missing key with 403
/// AccessDenied XML; CloudFront turns that, and a 404, into the site's own page with status 404.
/// </summary>
public sealed partial class NotFoundPageTests
{
    private static readonly string Page = Path.Combine(RepositoryLayout.Current.SiteRoot, "404.html");

    [Theory]
    [InlineData(403)]
    [InlineData(404)]
    public void A_missing_key_answered_by_s3_becomes_the_404_page_with_status_404(int s3Status)
    {
        var responses = TemplateFile.Load().Resource("SiteDistribution").Properties["DistributionConfig"]!["CustomErrorResponses"]!.AsArray();

        var response = Assert.Single(responses, r => NodeValue.Int(r!["ErrorCode"]) == s3Status)!;
        Assert.Equal(404, NodeValue.Int(response["ResponseCode"]));
        Assert.Equal("/404.html", response["ResponsePagePath"]!.ToString());
    }

    [Fact]
    public void The_404_page_is_published_with_the_site_as_html_that_is_never_cached_stale()
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"site-404-{Guid.NewGuid():N}");
        var file = Assert.Single(SiteUploader.LocalFiles(RepositoryLayout.Current.SiteRoot, RepositoryLayout.Current.Resume, "https://api.example", scratch), f => f.Key == "404.html");
        Directory.Delete(scratch, recursive: true);

        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Equal("no-cache", file.CacheControl);
    }

    [Fact]
    public void The_404_page_uses_absolute_paths_to_assets_that_exist_and_nothing_the_csp_blocks()
    {
        var html = File.ReadAllText(Page);

        // Served at any depth (/a/b/missing), so relative paths would miss the assets.
        var references = Reference().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, path =>
        {
            Assert.StartsWith("/", path);
            if (path != "/")
            {
                Assert.True(File.Exists(Path.Combine(RepositoryLayout.Current.SiteRoot, path.TrimStart('/'))), $"{path} does not exist");
            }
        });
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("""(?:href|src)="([^"#]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex Reference();
}

using CloudResume.Contracts.Site;
using CloudResume.Resume;

namespace CloudResume.Tests.Infra;

/// <summary>Each site file is stored with the Content-Type and Cache-Control its role needs.</summary>
public sealed class SiteFileHeadersTests
{
    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8", CacheControlPolicy.NoCache)]
    [InlineData("config.json", "application/json; charset=utf-8", CacheControlPolicy.NoCache)]
    [InlineData("assets/site.css", "text/css; charset=utf-8", CacheControlPolicy.Short)]
    [InlineData("assets/site.js", "text/javascript; charset=utf-8", CacheControlPolicy.Short)]
    [InlineData("assets/site.3f2a9c1b.css", "text/css; charset=utf-8", CacheControlPolicy.Immutable)]
    [InlineData("assets/chunk-5D2E8A1F.js", "text/javascript; charset=utf-8", CacheControlPolicy.Immutable)]
    [InlineData("favicon.svg", "image/svg+xml", CacheControlPolicy.Short)]
    [InlineData("resume.pdf", "application/pdf", CacheControlPolicy.Short)]
    [InlineData("fonts/inter.woff2", "font/woff2", CacheControlPolicy.Short)]
    [InlineData("unknown.bin", "application/octet-stream", CacheControlPolicy.Short)]
    public void Content_type_and_cache_control_follow_the_file(string key, string contentType, string cacheControl)
    {
        Assert.Equal(contentType, ContentTypes.For(key));
        Assert.Equal(cacheControl, CacheControlPolicy.For(key));
    }

    [Fact]
    public void Config_json_carries_the_api_url_without_a_trailing_slash()
    {
        Assert.Equal("{\"apiUrl\":\"https://abc.execute-api.us-east-1.amazonaws.com\"}\n",
            SiteUploader.ConfigJson("https://abc.execute-api.us-east-1.amazonaws.com/"));
    }

    [Fact]
    public void The_site_folder_plus_the_rendered_page_and_config_json_is_what_gets_published()
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"site-files-{Guid.NewGuid():N}");
        try
        {
            var layout = RepositoryLayout.Current;
            var files = SiteUploader.LocalFiles(layout.SiteRoot, SampleResumes.Rich, "https://api.example", scratch);

            var page = Assert.Single(files, f => f.Key == "index.html");
            Assert.Equal(ResumePage.RenderFile(SampleResumes.Rich), File.ReadAllBytes(page.SourcePath));
            Assert.Single(files, f => f.Key == "config.json");
            Assert.All(files, f => Assert.Matches("^[0-9a-f]{32}$", f.Md5));
            Assert.DoesNotContain(files, f => f.Key.Contains('\\') || f.Key.StartsWith('/'));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }
}

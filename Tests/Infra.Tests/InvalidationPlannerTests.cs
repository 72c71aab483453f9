using CloudResume.Contracts.Site;

namespace CloudResume.Tests.Infra;

/// <summary>Only what changed is uploaded and invalidated; pages go up after the assets they use.</summary>
public sealed class InvalidationPlannerTests
{
    private static SiteFile File(string key, string md5) =>
        new(key, "/dev/null", md5, ContentTypes.For(key), CacheControlPolicy.For(key));

    private static readonly SiteFile[] Site =
    [
        File("index.html", "aaaa"), File("assets/site.css", "bbbb"), File("assets/site.js", "cccc"), File("config.json", "dddd"),
    ];

    [Fact]
    public void An_unchanged_site_uploads_and_invalidates_nothing()
    {
        var remote = Site.ToDictionary(f => f.Key, f => $"\"{f.Md5}\""); // S3 quotes its ETags

        var plan = InvalidationPlanner.Plan(Site, remote);

        Assert.Empty(plan.Uploads);
        Assert.Empty(plan.Deletions);
        Assert.Empty(plan.InvalidationPaths);
    }

    [Fact]
    public void Changed_and_new_files_are_uploaded_assets_first_and_only_their_paths_invalidated()
    {
        var remote = new Dictionary<string, string> { ["index.html"] = "\"old\"", ["assets/site.css"] = "\"bbbb\"", ["config.json"] = "\"dddd\"" };

        var plan = InvalidationPlanner.Plan(Site, remote);

        Assert.Equal(["assets/site.js", "index.html"], plan.Uploads.Select(f => f.Key));
        Assert.Equal(["/assets/site.js", "/", "/index.html"], plan.InvalidationPaths);
    }

    [Fact]
    public void Files_gone_from_the_site_are_deleted_and_invalidated()
    {
        var remote = Site.ToDictionary(f => f.Key, f => f.Md5);
        remote["assets/old.css"] = "eeee";

        var plan = InvalidationPlanner.Plan(Site, remote);

        Assert.Equal(["assets/old.css"], plan.Deletions);
        Assert.Equal(["/assets/old.css"], plan.InvalidationPaths);
    }

    [Fact]
    public void Many_changed_paths_collapse_into_one_wildcard()
    {
        var many = Enumerable.Range(0, InvalidationPlanner.MaxPaths + 1).Select(i => File($"img/{i}.png", "x")).ToList();

        Assert.Equal(["/*"], InvalidationPlanner.Plan(many, new Dictionary<string, string>()).InvalidationPaths);
    }
}

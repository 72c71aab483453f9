using System.IO.Compression;
using System.Security.Cryptography;

namespace CloudResume.Tests.Infra;

/// <summary>
/// The package's S3 key is its SHA-256, so its bytes must depend on the bootstrap's bytes only: entry times in a
/// zip would otherwise make every clean build (CI, a fresh clone) a new key, a 6 MB upload and a function update.
/// </summary>
public sealed class DeterministicPackageTests
{
    [Fact]
    public async Task Packaging_the_same_bootstrap_twice_after_its_timestamp_changed_gives_the_same_bytes_and_key()
    {
        var first = await PublishedFunction.PackageAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // past zip's 2-second time resolution
        var second = await PublishedFunction.PackageAsync();

        Assert.Equal(Sha256(first), Sha256(second));
        Assert.Equal(ArtifactUploader.KeyFor(first, "s"), ArtifactUploader.KeyFor(second, "s"));
    }

    [Fact]
    public async Task The_package_holds_only_bootstrap_at_its_root_with_mode_755_and_a_fixed_entry_time()
    {
        using var zip = ZipFile.OpenRead(await PublishedFunction.PackageAsync());

        var entry = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        Assert.Equal(FunctionPackageFile.Mode755, (entry.ExternalAttributes >> 16) & 0x1FF);
        Assert.Equal(new DateTime(2000, 1, 1, 0, 0, 0), entry.LastWriteTime.DateTime);
    }

    [Fact]
    public async Task The_bootstrap_embeds_no_commit_of_this_repository_so_a_commit_that_leaves_the_function_alone_deploys_nothing()
    {
        await PublishedFunction.EnsureAsync();
        var text = System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(PublishedFunction.Bootstrap()));
        var commits = await new ProcessStart("git", ["-C", RepositoryLayout.Current.Root, "rev-list", "--max-count=500", "HEAD"]).RunAsync();

        // SourceLink's default would write "1.0.0+<commit>" into Counter.Lambda's and Contracts' assemblies.
        Assert.True(commits.Succeeded, commits.Stderr);
        var ours = commits.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(ours);
        Assert.DoesNotContain(ours, text.Contains);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

using System.IO.Compression;
using System.Text.RegularExpressions;
using CloudResume.Tests.Counter.Integration;
using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Packaging;

[Collection(PublishedFunctionCollection.Name)]
public sealed partial class PackagingTests(PublishedFunction published)
{
    [Fact]
    public void Publish_reports_no_warnings()
    {
        Assert.DoesNotMatch(WarningPattern(), published.Output);
    }

    [Fact]
    public void Zip_holds_only_an_executable_bootstrap_at_its_root()
    {
        using var zip = ZipFile.OpenRead(published.ZipPath);

        var entry = Assert.Single(zip.Entries);
        Assert.Equal("bootstrap", entry.FullName);
        var mode = (entry.ExternalAttributes >> 16) & 0x1FF; // Unix permission bits live in the high word
        Assert.Equal(Convert.ToInt32("755", 8), mode);
        Assert.Equal(new FileInfo(published.Bootstrap).Length, entry.Length);
    }

    [Fact]
    public void Bootstrap_needs_no_glibc_newer_than_2_34_the_al2023_version()
    {
        var symbols = PublishedFunction.Run("objdump", "-T", published.Bootstrap);

        var versions = GlibcVersion().Matches(symbols).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.True(v <= new Version(2, 34), $"needs GLIBC_{v}"));
    }

    [Fact]
    public async Task The_native_binary_serves_a_visit_with_the_heap_limit_applied()
    {
        await using var dynamo = await DynaliteServer.StartAsync();
        await dynamo.CreateTableAsync("visits");
        await using var runtime = new RuntimeApiDouble();
        await using var function = FunctionProcess.Start(runtime,
            FunctionProcess.For(dynamo, "visits", ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")), published.Bootstrap);

        var result = await runtime.InvokeAsync(ApiEvents.Json("POST"));
        var init = await function.WaitForLineAsync(l => l.Contains("\"Initialized\""), TimeSpan.FromSeconds(10));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal((1, 1), (result.Views, result.Visitors));
        Assert.Contains("\"nativeAot\":true", init);
        Assert.Contains($"\"gcHeapLimitBytes\":{(long)(128 * 1024 * 1024 * 0.8)}", init);
    }

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();

    [GeneratedRegex(@":\s+warning\s+[A-Z]+[0-9]+")]
    private static partial Regex WarningPattern();
}

using System.IO.Compression;
using System.Text.RegularExpressions;
using CloudResume.Tests.Counter.Integration;

namespace CloudResume.Tests.Counter.Packaging;

[Collection(PublishedFunctionCollection.Name)]
public sealed partial class PackagingTests(PublishedFunction published, EmulatedLambda lambda) : IClassFixture<EmulatedLambda>
{
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
    public async Task Bootstrap_needs_no_glibc_newer_than_2_34_the_al2023_version()
    {
        var symbols = await new ProcessStart("objdump", ["-T", published.Bootstrap]).RunAsync();

        Assert.True(symbols.Succeeded, symbols.Stderr);
        var versions = GlibcVersion().Matches(symbols.Stdout).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.True(v <= new Version(2, 34), $"needs GLIBC_{v}"));
    }

    [Fact]
    public async Task The_native_binary_serves_a_visit_with_the_heap_limit_applied()
    {
        var environment = lambda.FunctionEnvironment(lambda.Table);
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        var function = await lambda.StartFunctionAsync(environment, published.Bootstrap);

        var result = await lambda.InvokeAsync(ApiEvents.Json("POST"));
        var init = await EmulatedLambda.InitLineAsync(function);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal((1, 1), (result.Views, result.Visitors));
        Assert.Contains("\"nativeAot\":true", init);
        Assert.Contains($"\"gcHeapLimitBytes\":{(long)(128 * 1024 * 1024 * 0.8)}", init);
    }

    [GeneratedRegex(@"GLIBC_([0-9]+\.[0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex GlibcVersion();
}

using CloudResume.Resume;

namespace CloudResume.Tests.Infra;

/// <summary>
/// The whole deploy (Deploy/AwsDeployment) against moto: artifact upload, stack create then update,
/// site upload with its headers, superseded packages pruned, destroy with and without the data. moto returns
/// no Outputs, so the test passes the documented stand-ins (--api-url, --site-url) and skips CloudFront,
/// which moto does not have.
/// </summary>
[Collection(MotoCollection.Deploy)]
public sealed class MotoDeployTests(MotoServer moto)
{
    private const string ApiUrl = "https://abc123.execute-api.us-east-1.amazonaws.com";
    private const string SiteUrl = "https://d111111abcdef8.cloudfront.net";

    private DeployOptions Options(string package) => moto.WholeDeployOptions("e2e", "e2e-artifacts", package, ApiUrl, SiteUrl) with
    {
        // Another resume than the checkout's: the deploy renders the file it is given.
        Resume = SampleResumes.Rich,
    };

    [Fact]
    public async Task Deploy_creates_then_updates_the_stack_and_uploads_the_site_with_its_headers()
    {
        var aws = moto.Cli();
        var log = new List<string>();

        var first = await AwsDeployment.RunAsync(Options(await FunctionPackageFile.CreateAsync("one")), log.Add);

        Assert.Equal(SiteUrl, first.SiteUrl);
        Assert.StartsWith(ArtifactUploader.KeyPrefix, first.ArtifactKey);
        Assert.Contains(log, l => l.StartsWith("second pass: SiteOrigin=" + SiteUrl, StringComparison.Ordinal));
        await aws.JsonAsync(["s3api", "head-object", "--bucket", "e2e-artifacts", "--key", first.ArtifactKey!], default);
        Assert.EndsWith(first.ArtifactKey!, await CodeLocationAsync(aws));
        Assert.Contains("/index.html", first.ChangedPaths);

        var bucket = await new StackDeployer(aws, Options(""), _ => { }).PhysicalIdAsync("SiteBucket", default);
        Assert.NotNull(bucket);
        await AssertStoredAsAsync(aws, bucket, "index.html", "text/html; charset=utf-8", "no-cache");
        await AssertStoredAsAsync(aws, bucket, "config.json", "application/json; charset=utf-8", "no-cache");
        await AssertStoredAsAsync(aws, bucket, "assets/site.css", "text/css; charset=utf-8", "public, max-age=300");
        await AssertStoredAsAsync(aws, bucket, "assets/site.js", "text/javascript; charset=utf-8", "public, max-age=300");
        Assert.Equal(ApiUrl, JsonNode.Parse(await ObjectAsync(aws, bucket, "config.json"))!["apiUrl"]?.ToString());
        // Byte for byte what the local site serves for the same file (the same renderer).
        Assert.Equal(ResumePage.RenderFile(SampleResumes.Rich), await ObjectAsync(aws, bucket, "index.html"));

        // A new build: a new content-hashed key, the stack updates the function, the site is unchanged.
        var second = await AwsDeployment.RunAsync(Options(await FunctionPackageFile.CreateAsync("two")), log.Add);

        Assert.NotEqual(first.ArtifactKey, second.ArtifactKey);
        Assert.EndsWith(second.ArtifactKey!, await CodeLocationAsync(aws));
        Assert.Equal("UPDATE_COMPLETE", (await new StackDeployer(aws, Options(""), _ => { }).DescribeAsync(default))?.Status);
        Assert.Empty(second.ChangedPaths);

        // A third build: the first package goes, the second stays for a rollback.
        var third = await AwsDeployment.RunAsync(Options(await FunctionPackageFile.CreateAsync("three")), log.Add);

        Assert.Equal(new[] { second.ArtifactKey!, third.ArtifactKey! }.Order(), (await PackageKeysAsync(aws)).Order());
        var rules = (await aws.JsonAsync(["s3api", "get-bucket-lifecycle-configuration", "--bucket", "e2e-artifacts"], default))!["Rules"]!.AsArray();
        Assert.Equal(1, Assert.Single(rules)!["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!.GetValue<int>());

        // destroy: refused unconfirmed; confirmed with --delete-data, the table of counts goes too.
        var table = await new StackDeployer(aws, Options(""), _ => { }).PhysicalIdAsync("VisitsTable", default);
        Assert.NotNull(table);
        await Assert.ThrowsAsync<DeployException>(() => StackDestroyer.RunAsync(Options("") with { DeleteData = true }, confirmed: false, log.Add));
        Assert.True((await aws.RunAsync(["dynamodb", "describe-table", "--table-name", table], default)).Succeeded);

        var destroyed = await StackDestroyer.RunAsync(Options("") with { DeleteData = true }, confirmed: true, log.Add);

        Assert.Equal((true, null), (destroyed.StackDeleted, destroyed.KeptTable));
        Assert.False((await aws.RunAsync(["dynamodb", "describe-table", "--table-name", table], default)).Succeeded);
    }

    private static async Task<IReadOnlyList<string>> PackageKeysAsync(AwsCli aws) =>
        [.. ((await aws.JsonAsync(["s3api", "list-objects-v2", "--bucket", "e2e-artifacts", "--prefix", ArtifactUploader.PrefixFor("e2e")], default))?["Contents"] as JsonArray ?? [])
            .Select(o => o!["Key"]!.ToString())];

    private static async Task<string> CodeLocationAsync(AwsCli aws) =>
        (await aws.JsonAsync(["lambda", "get-function", "--function-name", "e2e-counter"], default))!["Code"]!["Location"]!.ToString();

    private static async Task AssertStoredAsAsync(AwsCli aws, string bucket, string key, string contentType, string cacheControl)
    {
        var head = (await aws.JsonAsync(["s3api", "head-object", "--bucket", bucket, "--key", key], default))!;
        Assert.Equal(contentType, head["ContentType"]?.ToString());
        Assert.Equal(cacheControl, head["CacheControl"]?.ToString());
    }

    private static async Task<byte[]> ObjectAsync(AwsCli aws, string bucket, string key)
    {
        var file = Path.GetTempFileName();
        try
        {
            await aws.JsonAsync(["s3api", "get-object", "--bucket", bucket, "--key", key, file], default);
            return await File.ReadAllBytesAsync(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

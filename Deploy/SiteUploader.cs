using CloudResume.Resume;
using CloudResume.Resume.Model;

namespace CloudResume.Deploy;

/// <summary>
/// Syncs Site/wwwroot plus two generated files into the site bucket, with each file's Content-Type and
/// Cache-Control: index.html, rendered from the resume file by the renderer the local site host uses (so AWS serves
/// the same bytes), and config.json (<c>{"apiUrl": ApiUrl}</c>, which the page reads to find the API).
/// </summary>
public sealed class SiteUploader(AwsCli aws, Action<string> log)
{
    public const string ConfigKey = "config.json";

    public static string ConfigJson(string apiUrl) =>
        new JsonObject { ["apiUrl"] = apiUrl.TrimEnd('/') }.ToJsonString() + "\n";

    /// <summary>The files to publish: the site folder, with index.html rendered from the resume and config.json written for this API.</summary>
    public static IReadOnlyList<SiteFile> LocalFiles(string siteDirectory, string resumePath, string apiUrl, string scratchDirectory)
    {
        Directory.CreateDirectory(scratchDirectory);
        var pagePath = Path.Combine(scratchDirectory, ResumePage.FileName);
        File.WriteAllBytes(pagePath, ResumePage.Utf8(ResumePage.Render(ReadResume(resumePath))));
        var configPath = Path.Combine(scratchDirectory, ConfigKey);
        File.WriteAllText(configPath, ConfigJson(apiUrl));
        return
        [
            .. SiteFile.Scan(siteDirectory).Where(f => f.Key is not ConfigKey and not ResumePage.FileName),
            SiteFile.From(ResumePage.FileName, pagePath),
            SiteFile.From(ConfigKey, configPath),
        ];
    }

    /// <summary>The resume, or a <see cref="DeployException"/> naming each problem (field path and what is wrong).</summary>
    public static JsonResume ReadResume(string resumePath)
    {
        var file = ResumeFile.Read(resumePath);
        return file.Resume ?? throw new DeployException(
            InvalidResumeException.Describe(resumePath, file.Problems) + "\nFix it (the local site shows the same problems) and deploy again; the site was not uploaded.");
    }

    public async Task<IReadOnlyDictionary<string, string>> RemoteETagsAsync(string bucket, CancellationToken cancellationToken)
    {
        // The CLI follows continuation tokens itself and merges the pages.
        var listing = await aws.JsonAsync(["s3api", "list-objects-v2", "--bucket", bucket], cancellationToken);
        return (listing?["Contents"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(o => o["Key"]!.ToString(), o => o["ETag"]?.ToString() ?? "", StringComparer.Ordinal);
    }

    public async Task<SitePlan> UploadAsync(string bucket, IReadOnlyList<SiteFile> files, CancellationToken cancellationToken)
    {
        var plan = InvalidationPlanner.Plan(files, await RemoteETagsAsync(bucket, cancellationToken));
        foreach (var file in plan.Uploads)
        {
            await aws.JsonAsync(
            [
                "s3api", "put-object", "--bucket", bucket, "--key", file.Key, "--body", file.SourcePath,
                "--content-type", file.ContentType, "--cache-control", file.CacheControl,
            ], cancellationToken);
            log($"  put {file.Key} ({file.ContentType}; {file.CacheControl})");
        }
        foreach (var key in plan.Deletions)
        {
            await aws.JsonAsync(["s3api", "delete-object", "--bucket", bucket, "--key", key], cancellationToken);
            log($"  deleted {key}");
        }
        if (plan.Uploads.Count == 0 && plan.Deletions.Count == 0)
        {
            log("  the bucket already holds this site");
        }
        return plan;
    }
}

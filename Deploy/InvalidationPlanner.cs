using CloudResume.Contracts.Site;

namespace CloudResume.Deploy;

/// <summary>What a site upload changes: files to put, files to delete, CloudFront paths to invalidate.</summary>
public sealed record SitePlan(IReadOnlyList<SiteFile> Uploads, IReadOnlyList<string> Deletions, IReadOnlyList<string> InvalidationPaths);

/// <summary>
/// Compares the local site with the bucket (MD5 against ETag) so only changed files are uploaded and
/// only their paths invalidated: CloudFront's first 1,000 invalidation paths a month are free.
/// </summary>
public static class InvalidationPlanner
{
    /// <summary>Past this many paths one "/*" is cheaper (it counts as a single path).</summary>
    public const int MaxPaths = 15;

    /// <param name="remoteETags">Key → ETag of what the bucket holds (quotes allowed, as S3 returns them).</param>
    public static SitePlan Plan(IReadOnlyList<SiteFile> local, IReadOnlyDictionary<string, string> remoteETags)
    {
        var uploads = local
            .Where(file => !remoteETags.TryGetValue(file.Key, out var etag) || !string.Equals(etag.Trim('"'), file.Md5, StringComparison.OrdinalIgnoreCase))
            // Assets first, pages last: a new page never points at an asset not yet uploaded.
            .OrderBy(file => file.CacheControl == CacheControlPolicy.NoCache ? 1 : 0)
            .ThenBy(file => file.Key, StringComparer.Ordinal)
            .ToList();
        var localKeys = local.Select(file => file.Key).ToHashSet(StringComparer.Ordinal);
        var deletions = remoteETags.Keys.Where(key => !localKeys.Contains(key)).Order(StringComparer.Ordinal).ToList();

        var paths = uploads.Select(file => file.Key).Concat(deletions)
            .SelectMany(key => key == "index.html" ? ["/", "/index.html"] : new[] { "/" + key })
            .Distinct()
            .ToList();
        return new SitePlan(uploads, deletions, paths.Count > MaxPaths ? ["/*"] : paths);
    }
}

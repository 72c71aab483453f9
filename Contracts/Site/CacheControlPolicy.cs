using System.Text.RegularExpressions;

namespace CloudResume.Contracts.Site;

/// <summary>
/// The Cache-Control of each site file: the deploy stores it on the S3 object (CloudFront's CachingOptimized
/// policy and browsers honour it) and the local site host sends the same, so both behave alike.
/// </summary>
public static partial class CacheControlPolicy
{
    /// <summary>Pages and config.json revalidate on every load, so a deploy shows at once.</summary>
    public const string NoCache = "no-cache";

    /// <summary>A fingerprinted name changes with its content, so it may be cached for good.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Other assets (site.css, favicon.svg) keep their name across deploys: cache them briefly.</summary>
    public const string Short = "public, max-age=300";

    public static string For(string key)
    {
        var name = Path.GetFileName(key);
        if (name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.Equals("config.json", StringComparison.OrdinalIgnoreCase))
        {
            return NoCache;
        }
        return Fingerprint().IsMatch(name) ? Immutable : Short;
    }

    // site.3f2a9c1b.css, chunk-5D2E8A1F.js: a hash of 8+ hex digits between the name and the extension.
    [GeneratedRegex(@"[.-][0-9a-fA-F]{8,}\.[A-Za-z0-9]+$")]
    private static partial Regex Fingerprint();
}

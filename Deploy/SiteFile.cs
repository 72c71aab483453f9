using System.Security.Cryptography;
using CloudResume.Contracts.Site;

namespace CloudResume.Deploy;

/// <summary>One file of the site as it will be stored: its key, MD5 (S3's ETag of a single-part upload) and headers.</summary>
public sealed record SiteFile(string Key, string SourcePath, string Md5, string ContentType, string CacheControl)
{
    public static SiteFile From(string key, string sourcePath)
    {
        using var stream = File.OpenRead(sourcePath);
        return new SiteFile(key, sourcePath, Convert.ToHexStringLower(MD5.HashData(stream)), ContentTypes.For(key), CacheControlPolicy.For(key));
    }

    /// <summary>Every file under <paramref name="directory"/>, keyed by its path relative to it with '/'.</summary>
    public static IReadOnlyList<SiteFile> Scan(string directory) =>
    [
        .. Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => From(Path.GetRelativePath(directory, path).Replace('\\', '/'), path))
            .OrderBy(file => file.Key, StringComparer.Ordinal),
    ];
}

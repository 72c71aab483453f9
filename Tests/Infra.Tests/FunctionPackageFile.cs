using System.IO.Compression;

namespace CloudResume.Tests.Infra;

/// <summary>
/// Function packages made for a test: the real bootstrap (a distinct build per marker: bytes appended after the
/// ELF's contents change the hash, not what Lambda runs), or crafted entries the deploy must refuse.
/// </summary>
internal static class FunctionPackageFile
{
    public const int Mode755 = 0b111_101_101;

    /// <summary>The published x64 bootstrap, zipped as Lambda wants it, with <paramref name="marker"/> appended.</summary>
    public static async Task<string> CreateAsync(string marker)
    {
        await PublishedFunction.EnsureAsync();
        var bytes = await File.ReadAllBytesAsync(PublishedFunction.Bootstrap());
        return Create([("bootstrap", [.. bytes, .. System.Text.Encoding.ASCII.GetBytes(marker)], Mode755)]);
    }

    public static string Create(IEnumerable<(string Name, byte[] Content, int Mode)> entries)
    {
        var path = Path.Combine(Path.GetTempPath(), $"counter-lambda-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, content, mode) in entries)
        {
            var entry = zip.CreateEntry(name);
            entry.ExternalAttributes = (0x8000 | mode) << 16; // a regular file with these Unix permissions
            using var stream = entry.Open();
            stream.Write(content);
        }
        return path;
    }
}

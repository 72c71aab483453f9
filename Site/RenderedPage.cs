using System.Security.Cryptography;
using CloudResume.Resume;

namespace CloudResume.Site;

/// <summary>The page as served: its bytes, their ETag, the status to answer with, and what is wrong with the file now on disk.</summary>
internal sealed record RenderedPage(byte[] Html, int StatusCode, IReadOnlyList<ResumeProblem> Problems)
{
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(Html))[..16]}\"";
}

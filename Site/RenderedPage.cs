using System.Security.Cryptography;

namespace CloudResume.Site;

/// <summary>The page as served: its bytes, their ETag, and the status to answer with (503 while no valid resume was read yet).</summary>
internal sealed record RenderedPage(byte[] Html, int StatusCode)
{
    public string ETag { get; } = $"\"{Convert.ToHexStringLower(SHA256.HashData(Html))[..16]}\"";
}

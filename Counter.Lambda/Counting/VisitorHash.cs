using CloudResume.Contracts.Visits;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Identifies a visitor for one day without keeping the IP: HMAC-SHA256 keyed by that day's random salt,
/// so hashes cannot be reversed by trying all IPs, nor linked across days once the salt expires.
/// </summary>
public static class VisitorHash
{
    public static string Compute(ReadOnlySpan<byte> daySalt, string sourceIp, string userAgent, UtcDay day)
    {
        var message = Encoding.UTF8.GetBytes(sourceIp + "\n" + userAgent + "\n" + day.Key);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(daySalt, message, mac);
        return Base64Url.EncodeToString(mac);
    }
}

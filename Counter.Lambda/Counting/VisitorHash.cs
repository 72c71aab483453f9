using System.Buffers.Text;
using System.Security.Cryptography;
using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Identifies a visitor (or an address) for one day without keeping the IP or the user agent: HMAC-SHA256 keyed by
/// that day's random salt, so hashes cannot be reversed by trying all IPs, nor linked across days once the salt is gone.
/// </summary>
public static class VisitorHash
{
    /// <summary>The visitor: source IP + user agent + day.</summary>
    public static string Compute(ReadOnlySpan<byte> daySalt, string sourceIp, string userAgent, UtcDay day) =>
        Mac(daySalt, sourceIp + "\n" + userAgent + "\n" + day.Key);

    /// <summary>Bytes of the address's HMAC kept: 16 bits, so each value stands for ~65,536 of the 2³² IPv4 addresses.</summary>
    public const int AddressHashBytes = 2;

    /// <summary>
    /// The address alone (+ day), to limit how many visitors one address may add in a day. Truncated on purpose: even
    /// with the day's salt, trying every IPv4 address maps a stored value to ~65,536 candidates, not to one address
    /// (docs/privacy.md); addresses that share a value share an allowance, which at a resume's traffic never matters.
    /// </summary>
    public static string OfAddress(ReadOnlySpan<byte> daySalt, string sourceIp, UtcDay day) =>
        Mac(daySalt, "address\n" + sourceIp + "\n" + day.Key, AddressHashBytes);

    private static string Mac(ReadOnlySpan<byte> daySalt, string text, int keep = HMACSHA256.HashSizeInBytes)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(daySalt, Encoding.UTF8.GetBytes(text), mac);
        return Base64Url.EncodeToString(mac[..keep]);
    }
}

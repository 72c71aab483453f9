using System.Security.Cryptography;

namespace CloudResume.Tests.Counter.Unit;

public class VisitorHashTests
{
    private static readonly byte[] Salt = RandomNumberGenerator.GetBytes(32);
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("2001:db8::1")]
    public void Never_contains_the_ip(string ip)
    {
        var hash = VisitorHash.Compute(Salt, ip, ApiEvents.Browser, Day);

        Assert.DoesNotContain(ip, hash);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(ip)).TrimEnd('='), hash);
        Assert.Equal(43, hash.Length); // base64url of 32 bytes, unpadded: safe inside a key
        Assert.DoesNotContain('#', hash);
    }

    [Fact]
    public void Same_visitor_same_day_same_hash()
    {
        Assert.Equal(VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day), VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day));
    }

    [Fact]
    public void Changes_with_the_salt_the_day_the_ip_and_the_user_agent()
    {
        var baseline = VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day);

        Assert.NotEqual(baseline, VisitorHash.Compute(RandomNumberGenerator.GetBytes(32), "203.0.113.7", "ua", Day));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.7", "ua", Day.AddDays(1)));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.8", "ua", Day));
        Assert.NotEqual(baseline, VisitorHash.Compute(Salt, "203.0.113.7", "ua2", Day));
    }

    [Fact]
    public void Fields_cannot_run_into_each_other()
    {
        Assert.NotEqual(VisitorHash.Compute(Salt, "1.2.3.4", "5 ua", Day), VisitorHash.Compute(Salt, "1.2.3.45", " ua", Day));
    }
}

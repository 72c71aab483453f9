namespace CloudResume.Tests.Counter.Unit;

public class UtcDayTests
{
    [Fact]
    public void Expiry_is_start_of_next_utc_day_plus_one_day_in_epoch_seconds()
    {
        var day = UtcDay.Of(new DateTimeOffset(2024, 3, 10, 23, 59, 59, TimeSpan.Zero));

        Assert.Equal("2024-03-10", day.Key);
        Assert.Equal(new DateTimeOffset(2024, 3, 12, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), day.ExpiresAtEpochSeconds);
        Assert.InRange(day.ExpiresAtEpochSeconds, 1_000_000_000L, 9_999_999_999L); // seconds, not milliseconds
    }

    [Fact]
    public void Day_is_taken_in_utc_not_local_offset()
    {
        var lateInNewYork = new DateTimeOffset(2024, 3, 10, 22, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal("2024-03-11", UtcDay.Of(lateInNewYork).Key);
    }

    [Fact]
    public void Keys_follow_the_table_contract()
    {
        var day = new UtcDay(new DateOnly(2025, 1, 2));
        Assert.Equal("total", TableKeys.Total);
        Assert.Equal("v20250102", TableKeys.DayViews(day));
        Assert.Equal("u20250102", TableKeys.DayVisitors(day));
        Assert.Equal("salt#2025-01-02", TableKeys.SaltOf(day));
        Assert.Equal("visitor#2025-01-02#abc", TableKeys.Visitor(day, "abc"));
    }
}

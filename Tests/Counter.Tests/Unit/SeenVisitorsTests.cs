using CloudResume.Contracts.Visits;
using CloudResume.Counter.Counting;

namespace CloudResume.Tests.Counter.Unit;

public class SeenVisitorsTests
{
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Fact]
    public void Remembers_a_hash_for_its_day_only()
    {
        var seen = new SeenVisitors();
        seen.Add(Day, "h1");

        Assert.True(seen.Contains(Day, "h1"));
        Assert.False(seen.Contains(Day, "h2"));
        Assert.False(seen.Contains(Day.AddDays(1), "h1"));
    }

    [Fact]
    public void A_new_day_forgets_yesterday_and_a_late_yesterday_does_not_wipe_today()
    {
        var seen = new SeenVisitors();
        seen.Add(Day, "h1");
        seen.Add(Day.AddDays(1), "h2");
        seen.Add(Day, "late");

        Assert.Equal(1, seen.Count);
        Assert.True(seen.Contains(Day.AddDays(1), "h2"));
        Assert.False(seen.Contains(Day, "h1"));
    }

    [Fact]
    public void Stays_within_its_capacity()
    {
        var seen = new SeenVisitors(capacity: 3);
        foreach (var hash in new[] { "a", "b", "c", "d", "e" })
        {
            seen.Add(Day, hash);
        }

        Assert.Equal(3, seen.Count);
        Assert.False(seen.Contains(Day, "e")); // not remembered: the conditional put decides again, nothing is lost
    }
}

using CloudResume.Contracts.Visits;
using CloudResume.Counter.Counting;

namespace CloudResume.Tests.Counter.Unit;

public class VisitorAllowanceTests
{
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Fact]
    public void A_visitor_is_unknown_until_its_marker_answered_then_known()
    {
        var allowance = new VisitorAllowance(new VisitLimits());

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "v1", "a1"));
        allowance.Learn(Day, "v1", viewsToday: 1);

        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "v1", "a1"));
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day.AddDays(1), "v1", "a1")); // a new day forgets
    }

    [Fact]
    public void A_visitor_past_its_daily_views_is_refused_and_the_markers_count_from_other_environments_counts_too()
    {
        var allowance = new VisitorAllowance(new VisitLimits(ViewsPerVisitorPerDay: 3));

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "v1", "a1"));
        allowance.Learn(Day, "v1", viewsToday: 1);
        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "v1", "a1"));
        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "v1", "a1"));
        Assert.Equal(Admission.OverVisitorLimit, allowance.Admit(Day, "v1", "a1"));

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "v2", "a2"));
        allowance.Learn(Day, "v2", viewsToday: 3); // its marker: other environments counted it already
        Assert.Equal(Admission.OverVisitorLimit, allowance.Admit(Day, "v2", "a2"));
    }

    [Fact]
    public void An_address_rotating_user_agents_brings_at_most_its_daily_visitors()
    {
        var allowance = new VisitorAllowance(new VisitLimits(VisitorsPerAddressPerDay: 2));

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "ua1", "same-address"));
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "ua2", "same-address"));
        Assert.Equal(Admission.OverAddressLimit, allowance.Admit(Day, "ua3", "same-address"));
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "ua1", "same-address")); // one it already brought is still served
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "other", "other-address"));
    }

    [Fact]
    public void A_late_request_from_yesterday_does_not_wipe_today()
    {
        var allowance = new VisitorAllowance(new VisitLimits());
        allowance.Admit(Day.AddDays(1), "today", "a");
        allowance.Learn(Day.AddDays(1), "today", 1);

        allowance.Admit(Day, "late", "a");

        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day.AddDays(1), "today", "a"));
    }

    [Fact]
    public void Stays_within_its_capacity_and_forgetting_only_costs_a_marker_update()
    {
        var allowance = new VisitorAllowance(new VisitLimits(), capacity: 3);
        foreach (var visitor in new[] { "a", "b", "c", "d", "e" })
        {
            allowance.Admit(Day, visitor, visitor);
            allowance.Learn(Day, visitor, 1);
        }

        Assert.Equal(3, allowance.Count);
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "e", "e")); // not remembered: its marker decides again
    }
}

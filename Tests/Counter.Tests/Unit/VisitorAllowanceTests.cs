namespace CloudResume.Tests.Counter.Unit;

public class VisitorAllowanceTests
{
    private static readonly UtcDay Day = new(new DateOnly(2025, 3, 10));

    [Fact]
    public void A_visitor_is_unknown_until_its_marker_answered_then_known_and_counted_on_until_its_daily_views()
    {
        var allowance = new VisitorAllowance(new VisitLimits(ViewsPerVisitorPerDay: 3));

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "v1", "a1"));
        allowance.Learn(Day, "v1", viewsToday: 1);

        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "v1", "a1")); // 2
        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "v1", "a1")); // 3
        Assert.Equal(Admission.OverVisitorLimit, allowance.Admit(Day, "v1", "a1"));
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day.AddDays(1), "v1", "a1")); // a new day forgets
    }

    [Fact]
    public void The_markers_count_from_other_environments_counts_here_and_an_older_answer_never_lowers_it()
    {
        var allowance = new VisitorAllowance(new VisitLimits(ViewsPerVisitorPerDay: 3));

        allowance.Learn(Day, "v2", viewsToday: 3); // other environments counted it already
        allowance.Learn(Day, "v2", viewsToday: 1); // a slower answer from an earlier view

        Assert.Equal(Admission.OverVisitorLimit, allowance.Admit(Day, "v2", "a2"));
    }

    [Fact]
    public void An_address_whose_marker_says_it_brought_its_daily_visitors_admits_no_new_visitor_but_keeps_its_own()
    {
        var allowance = new VisitorAllowance(new VisitLimits(VisitorsPerAddressPerDay: 2));
        allowance.Learn(Day, "ua1", viewsToday: 1);

        allowance.LearnAddress(Day, "same-address", visitorsToday: 2);

        Assert.Equal(Admission.OverAddressLimit, allowance.Admit(Day, "ua3", "same-address"));
        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "ua1", "same-address")); // one it already brought is still served
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "other", "other-address"));
    }

    [Fact]
    public void A_visitor_refused_for_its_address_adds_nothing_more_today()
    {
        var allowance = new VisitorAllowance(new VisitLimits(VisitorsPerAddressPerDay: 3));
        allowance.LearnAddress(Day, "address", visitorsToday: 4); // other environments brought the rest

        allowance.Refuse(Day, "ua1"); // ... and this one came too late

        Assert.Equal(Admission.OverVisitorLimit, allowance.Admit(Day, "ua1", "address"));
        Assert.Equal(Admission.OverAddressLimit, allowance.Admit(Day, "ua2", "address"));
    }

    [Fact]
    public void A_late_request_from_yesterday_does_not_wipe_today()
    {
        var allowance = new VisitorAllowance(new VisitLimits());
        allowance.Learn(Day.AddDays(1), "today", 1);

        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "late", "a"));
        allowance.Learn(Day, "late", 1);

        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day.AddDays(1), "today", "a"));
    }

    [Fact]
    public void Stays_within_its_capacity_and_forgetting_only_costs_a_marker_update()
    {
        var allowance = new VisitorAllowance(new VisitLimits(), capacity: 3);
        foreach (var visitor in new[] { "a", "b", "c", "d", "e" })
        {
            allowance.Learn(Day, visitor, 1);
        }

        Assert.Equal(3, allowance.Count);
        Assert.Equal(Admission.UnknownVisitor, allowance.Admit(Day, "e", "e")); // not remembered: its marker decides again
        Assert.Equal(Admission.KnownVisitor, allowance.Admit(Day, "a", "a"));
    }
}

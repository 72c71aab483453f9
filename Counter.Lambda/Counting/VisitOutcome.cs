namespace CloudResume.Counter.Counting;

/// <summary>What a request did to the counts: nothing (a read, bad input), a counted visit, or a view seen but not counted, and why.</summary>
public enum VisitOutcome
{
    None,
    Counted,
    SkippedBot,
    SkippedNotABrowser,
    SkippedOverVisitorLimit,
    SkippedOverAddressLimit,
}

/// <summary>A page view's answer: the counts to show, and whether it was counted.</summary>
public sealed record CountedVisit(Contracts.Visits.VisitCounts Counts, VisitOutcome Outcome);

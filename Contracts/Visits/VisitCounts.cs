namespace CloudResume.Contracts.Visits;

/// <summary>The answer of /visits: {"views","visitors"} and, when asked for, the daily series.</summary>
public sealed record VisitCounts(long Views, long Visitors, IReadOnlyList<DailyCount>? Daily = null);

/// <summary>One day of the series; zeros for days nobody visited.</summary>
public sealed record DailyCount(string Date, long Views, long Visitors);

using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>Counting and reading visits; DynamoDB in production, a fake in unit tests.</summary>
public interface IVisitCounter
{
    /// <summary>
    /// Counts one page view and, the first time today, the visitor — unless the visitor or its address is over its
    /// daily allowance; returns the totals and, with <paramref name="days"/> &gt; 0, the last N UTC days (today
    /// included this visit), oldest first. A write whose fate is unknown throws <see cref="AmbiguousWriteException"/>.
    /// </summary>
    Task<CountedVisit> CountAsync(string sourceIp, string userAgent, DateTimeOffset now, int days, CancellationToken cancellationToken);

    /// <summary>Reads the totals; with <paramref name="days"/> &gt; 0 also the last N UTC days, oldest first.</summary>
    Task<VisitCounts> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken);
}

namespace CloudResume.Tests.Counter.Unit;

/// <summary>Records what the handler asked for; can be told to fail like DynamoDB does.</summary>
public sealed class FakeVisitCounter : IVisitCounter
{
    public List<(string SourceIp, string UserAgent)> Counted { get; } = [];
    public List<int> Reads { get; } = [];
    public Func<Exception>? Failure { get; set; }
    public bool HangUntilCancelled { get; set; }

    public async Task<CountedVisit> CountAsync(string sourceIp, string userAgent, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        await Misbehave(cancellationToken);
        Counted.Add((sourceIp, userAgent));
        CountedWithDays.Add(days);
        return new CountedVisit(new VisitCounts(10 + Counted.Count, 5, Series(days)), VisitOutcome.Counted);
    }

    /// <summary>The series length each count asked for (0: none).</summary>
    public List<int> CountedWithDays { get; } = [];

    public async Task<VisitCounts> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await Misbehave(cancellationToken);
        Reads.Add(days);
        return new VisitCounts(10, 5, Series(days));
    }

    private static List<DailyCount>? Series(int days) =>
        days > 0 ? [.. Enumerable.Range(0, days).Select(i => new DailyCount($"2025-01-{i + 1:00}", 0, 0))] : null;

    private async Task Misbehave(CancellationToken cancellationToken)
    {
        // Like an AWS SDK call: no request goes out once the token has fired.
        cancellationToken.ThrowIfCancellationRequested();
        if (HangUntilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        if (Failure is not null)
        {
            throw Failure();
        }
    }
}

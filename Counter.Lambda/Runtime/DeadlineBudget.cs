namespace CloudResume.Counter.Runtime;

/// <summary>
/// When to give up on downstream calls so a 503 still reaches the gateway before Lambda kills the
/// invocation: a safety margin before the deadline, never more than a quarter of the time left.
/// </summary>
public static class DeadlineBudget
{
    public static readonly TimeSpan MaxMargin = TimeSpan.FromMilliseconds(500);

    public static TimeSpan TimeUntilGiveUp(DateTimeOffset deadline, DateTimeOffset now)
    {
        var remaining = deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var margin = remaining / 4 < MaxMargin ? remaining / 4 : MaxMargin;
        return remaining - margin;
    }

    /// <summary>A token that fires at <see cref="TimeUntilGiveUp"/>; already cancelled if no time is left.</summary>
    public static CancellationTokenSource CreateSource(DateTimeOffset deadline, TimeProvider time)
    {
        var delay = TimeUntilGiveUp(deadline, time.GetUtcNow());
        var source = new CancellationTokenSource(delay, time);
        if (delay == TimeSpan.Zero)
        {
            source.Cancel();
        }
        return source;
    }
}

namespace CloudResume.Contracts.Visits;

/// <summary>A UTC calendar day: the unit of visitor identity, salts, keys and expiry.</summary>
public readonly record struct UtcDay(DateOnly Date)
{
    public static UtcDay Of(DateTimeOffset instant) => new(DateOnly.FromDateTime(instant.UtcDateTime));

    public string Key => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>yyyyMMdd, the day in the <see cref="TableKeys.DayViews"/> attribute names.</summary>
    public string Compact => Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public UtcDay AddDays(int days) => new(Date.AddDays(days));

    /// <summary>TTL of day-scoped items in epoch SECONDS: start of the next UTC day + 1 day.</summary>
    public long ExpiresAtEpochSeconds =>
        new DateTimeOffset(Date.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();

    public override string ToString() => Key;
}

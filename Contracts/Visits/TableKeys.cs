namespace CloudResume.Contracts.Visits;

/// <summary>The item ids and attribute names of the Visits table (docs/contracts.md).</summary>
public static class TableKeys
{
    public const string Id = "Id";
    public const string Views = "Views";
    public const string Visitors = "Visitors";
    public const string Salt = "Salt";
    public const string ExpiresAt = "ExpiresAt";

    /// <summary>The one counting item: totals and, as top-level attributes, the daily series.</summary>
    public const string Total = "total";

    /// <summary>
    /// The day's views on the <see cref="Total"/> item (top-level, so <c>ADD</c> works on it): <c>v</c> + yyyyMMdd,
    /// 9 bytes, since every byte of every kept day is billed on every write of the item.
    /// </summary>
    public static string DayViews(UtcDay day) => "v" + day.Compact;

    /// <summary>The day's distinct visitors on the <see cref="Total"/> item: <c>u</c> + yyyyMMdd.</summary>
    public static string DayVisitors(UtcDay day) => "u" + day.Compact;

    public static string SaltOf(UtcDay day) => "salt#" + day.Key;

    /// <summary>A visitor's marker for the day: its views today (<see cref="Views"/>).</summary>
    public static string Visitor(UtcDay day, string hash) => "visitor#" + day.Key + "#" + hash;

    /// <summary>An address's marker for the day: the new visitors it brought today (<see cref="Visitors"/>).</summary>
    public static string Address(UtcDay day, string hash) => "address#" + day.Key + "#" + hash;
}

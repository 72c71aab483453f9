namespace CloudResume.Counter.Counting;

/// <summary>The item ids and attribute names of the Visits table (docs/contracts.md).</summary>
public static class TableKeys
{
    public const string Id = "Id";
    public const string Views = "Views";
    public const string Visitors = "Visitors";
    public const string Salt = "Salt";
    public const string ExpiresAt = "ExpiresAt";

    public const string Total = "total";

    public static string Day(UtcDay day) => "day#" + day.Key;

    public static string SaltOf(UtcDay day) => "salt#" + day.Key;

    public static string Visitor(UtcDay day, string hash) => "visitor#" + day.Key + "#" + hash;
}

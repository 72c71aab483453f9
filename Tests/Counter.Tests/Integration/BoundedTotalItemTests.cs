using Amazon.DynamoDBv2.Model;
using CloudResume.Counter.Logging;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The <c>total</c> item stays small (writes are billed by its size): short day attribute names, and the
/// daily prune of days older than the 90-day window by whoever creates the day's salt (docs/contracts.md).
/// </summary>
[Collection(EmulatedLambdaCollection.Name)]
public sealed class BoundedTotalItemTests(EmulatedLambda lambda)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);
    private static readonly UtcDay Today = UtcDay.Of(Now);

    private static VisitCounter CounterFor(IAmazonDynamoDB client, string table) => new(client, table, new DailySalt(client, table));

    /// <summary>Puts <c>total</c> with totals and, for each day ago in <paramref name="daysAgo"/>, views = 1000 + ago, visitors = ago.</summary>
    private static Task SeedTotalAsync(IAmazonDynamoDB client, string table, IEnumerable<int> daysAgo)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [TableKeys.Id] = new() { S = TableKeys.Total },
            [TableKeys.Views] = new() { N = "50000" },
            [TableKeys.Visitors] = new() { N = "20000" },
        };
        foreach (var ago in daysAgo)
        {
            item[TableKeys.DayViews(Today.AddDays(-ago))] = new() { N = (1000 + ago).ToString(CultureInfo.InvariantCulture) };
            item[TableKeys.DayVisitors(Today.AddDays(-ago))] = new() { N = ago.ToString(CultureInfo.InvariantCulture) };
        }
        return client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
    }

    private static async Task<Dictionary<string, AttributeValue>> TotalAsync(IAmazonDynamoDB client, string table) =>
        (await client.GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { [TableKeys.Id] = new() { S = TableKeys.Total } },
            ConsistentRead = true,
        })).Item;

    /// <summary>The days ago present on the item as day attributes (views and visitors must agree).</summary>
    private static List<int> DaysAgoOf(Dictionary<string, AttributeValue> total)
    {
        var views = total.Keys.Where(k => k.Length == 9 && k[0] == 'v').Select(k => AgoOf(k[1..])).Order().ToList();
        var visitors = total.Keys.Where(k => k.Length == 9 && k[0] == 'u').Select(k => AgoOf(k[1..])).Order().ToList();
        Assert.Equal(views, visitors);
        return views;

        static int AgoOf(string compact) =>
            Today.Date.DayNumber - DateOnly.ParseExact(compact, "yyyyMMdd", CultureInfo.InvariantCulture).DayNumber;
    }

    [Fact]
    public async Task Day_attributes_use_short_names_and_the_series_reads_them()
    {
        var table = await lambda.NewTableAsync();
        using var client = lambda.Dynalite.CreateClient();
        await SeedTotalAsync(client, table, [1, 2]);
        var counter = CounterFor(client, table);

        await counter.CountAsync("203.0.113.7", "UA", Now, 0, CancellationToken.None);
        var counts = await counter.ReadAsync(3, Now, CancellationToken.None);

        var total = await TotalAsync(client, table);
        Assert.Equal(("1", "1"), (total["v20261125"].N, total["u20261125"].N));
        Assert.Equal(("1001", "1"), (total["v20261124"].N, total["u20261124"].N));
        Assert.DoesNotContain(total.Keys, k => k.Contains('_', StringComparison.Ordinal) || k.Contains('-', StringComparison.Ordinal));
        Assert.Equal(
            [("2026-11-23", 1002L, 2L), ("2026-11-24", 1001L, 1L), ("2026-11-25", 1L, 1L)],
            counts.Daily!.Select(d => (d.Date, d.Views, d.Visitors)));
        Assert.Equal((50001, 20001), (counts.Views, counts.Visitors));
    }

    [Fact]
    public async Task First_count_of_a_day_removes_days_older_than_91_and_keeps_the_90_day_window()
    {
        var table = await lambda.NewTableAsync();
        using var client = lambda.Dynalite.CreateClient();
        await SeedTotalAsync(client, table, Enumerable.Range(1, 120)); // yesterday back to today-120
        var counter = CounterFor(client, table);

        await counter.CountAsync("203.0.113.7", "UA", Now, 0, CancellationToken.None); // creates the day's salt: prunes

        var total = await TotalAsync(client, table);
        Assert.Equal(Enumerable.Range(0, 91), DaysAgoOf(total)); // today ... today-90: the 90-day window and a day of margin
        Assert.Equal((50001, 20001), (long.Parse(total[TableKeys.Views].N), long.Parse(total[TableKeys.Visitors].N)));
        var counts = await counter.ReadAsync(VisitCounter.MaxDays, Now, CancellationToken.None);
        Assert.Equal((1089L, 89L), (counts.Daily![0].Views, counts.Daily[0].Visitors)); // today-89 untouched
        // Bounded: 91 days x 2 attributes of <= 12 bytes plus the totals stays within 3 KB, i.e. 3 WRU per write.
        Assert.InRange(ItemSize(total), 2 * 1024, 3 * 1024);
    }

    [Fact]
    public async Task Only_the_environment_that_creates_the_days_salt_prunes_and_only_once()
    {
        var table = await lambda.NewTableAsync();
        using var client = lambda.Dynalite.CreateClient();
        var first = CounterFor(client, table);
        var second = CounterFor(client, table); // another execution environment: reads the first one's salt
        await SeedTotalAsync(client, table, []);
        await first.CountAsync("203.0.113.7", "UA", Now, 0, CancellationToken.None); // creates the salt, prunes nothing yet

        await SeedTotalAsync(client, table, [100]);
        await first.CountAsync("203.0.113.8", "UA", Now, 0, CancellationToken.None);
        await second.CountAsync("203.0.113.9", "UA", Now, 0, CancellationToken.None);

        Assert.Equal([0, 100], DaysAgoOf(await TotalAsync(client, table))); // today (counted) and the old day, untouched
    }

    [Theory]
    [InlineData("InternalServerError", 500)] // transient
    [InlineData("ValidationException", 400)] // a bug, still not the visitor's problem
    [InlineData(null, 0)]                    // the connection dropped after the request went out
    public async Task A_failed_prune_does_not_fail_the_visit(string? error, int status)
    {
        // No salt yet, so this visit creates it and prunes; the 2nd UpdateItem of total (after views and visitors) is the prune.
        using var output = new MemoryStream();
        await using var counter = new CounterOnFakeDynamoDb((operation, count) => operation switch
        {
            "GetItem" => FakeDynamoDb.Ok("{}"),
            "PutItem" => FakeDynamoDb.Ok("{}"),
            FakeDynamoDb.MarkerUpdate => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"1"}}}"""),
            "UpdateItem" when count <= 1 => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"7"},"Visitors":{"N":"3"}}}"""),
            "UpdateItem" => error is null ? null : FakeDynamoDb.Error(error, status),
            _ => FakeDynamoDb.Error("ValidationException"),
        }, new FunctionLog(output, TimeProvider.System));

        var counts = await counter.CountAsync();

        Assert.Equal((7, 3), (counts.Counts.Views, counts.Counts.Visitors));
        Assert.True(counter.Fake.Received("UpdateItem") >= 2, "the prune was attempted");
        Assert.Contains("Daily prune of old day attributes", Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>DynamoDB's item size: UTF-8 name lengths plus values (a number: 1 byte per 2 significant digits, plus 1).</summary>
    private static int ItemSize(Dictionary<string, AttributeValue> item) => item.Sum(a =>
        Encoding.UTF8.GetByteCount(a.Key)
        + (a.Value.N is { } n ? ((n.Trim('-').TrimStart('0').TrimEnd('0').Replace(".", "").Length + 1) / 2) + 1 : Encoding.UTF8.GetByteCount(a.Value.S ?? "")));
}

namespace CloudResume.Tests.Counter.Integration;

/// <summary>How many DynamoDB requests a visit costs (docs/contracts.md), counted at a fake endpoint.</summary>
public sealed class RequestsPerVisitTests
{
    private static CounterOnFakeDynamoDb NewVisitorsTable() => new((operation, count) => operation switch
    {
        "GetItem" => FakeDynamoDb.SaltOfToday(),
        "PutItem" => FakeDynamoDb.Ok("{}"),
        // The marker's views today: the first one makes a new visitor.
        FakeDynamoDb.MarkerUpdate => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":""" + $"\"{count}\"" + "}}}"),
        "UpdateItem" => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"1"},"Visitors":{"N":"1"}}}"""),
        _ => FakeDynamoDb.Error("ValidationException"),
    });

    /// <summary>Requests so far: GetItem, PutItem, marker UpdateItems (visitor, address), UpdateItem of <c>total</c>.</summary>
    private static (int Get, int Put, int Marker, int Update) Requests(FakeDynamoDb fake) =>
        (fake.Received("GetItem"), fake.Received("PutItem"), fake.Received(FakeDynamoDb.MarkerUpdate), fake.Received("UpdateItem"));

    /// <summary>Counts a visit from each address in turn; after each, the requests so far must be the expected ones.</summary>
    private static async Task AssertRequestsAfterEachVisit(
        CounterOnFakeDynamoDb table, params (string SourceIp, (int Get, int Put, int Marker, int Update) Expected)[] visits)
    {
        foreach (var (sourceIp, expected) in visits)
        {
            await table.CountAsync(sourceIp);
            Assert.Equal(expected, Requests(table.Fake));
        }
    }

    [Fact]
    public async Task A_new_visitor_costs_two_marker_updates_and_one_update_of_total_and_a_known_repeat_one_update()
    {
        await using var table = NewVisitorsTable();

        await AssertRequestsAfterEachVisit(table,
            ("203.0.113.7", (1, 0, 2, 1)), // the day's salt read once, the visitor's and the address's markers, views + visitors in one write
            ("203.0.113.7", (1, 0, 2, 2))); // exactly one more write
    }

    [Fact]
    public async Task Creating_the_days_salt_adds_the_salt_put_and_one_prune_update_once_a_day()
    {
        await using var table = new CounterOnFakeDynamoDb((operation, _) => operation switch
        {
            "GetItem" => FakeDynamoDb.Ok("{}"), // nobody created the day's salt yet
            "PutItem" => FakeDynamoDb.Ok("{}"),
            FakeDynamoDb.MarkerUpdate => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"1"}}}"""),
            "UpdateItem" => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"1"},"Visitors":{"N":"1"}}}"""),
            _ => FakeDynamoDb.Error("ValidationException"),
        });

        await AssertRequestsAfterEachVisit(table,
            ("203.0.113.7", (1, 1, 2, 2)), // salt get + put, two markers, views + visitors, the prune
            ("203.0.113.8", (1, 1, 4, 3))); // a new visitor: two markers, views + visitors; no second prune
    }

    [Fact]
    public async Task The_pages_counting_load_with_thirty_days_costs_one_update_for_a_known_visitor()
    {
        await using var table = NewVisitorsTable();
        await table.CountAsync();
        var before = Requests(table.Fake);

        var counts = await table.CountAsync(days: 30);

        var after = Requests(table.Fake);
        Assert.Equal(before with { Update = before.Update + 1 }, after); // one UpdateItem answers ALL_NEW: no GetItem, no marker
        Assert.Equal(30, counts.Counts.Daily!.Count);
        Assert.Equal("2025-06-01", counts.Counts.Daily[^1].Date);
    }

    [Fact]
    public async Task Read_of_ninety_days_is_one_get_item()
    {
        await using var table = NewVisitorsTable();

        var counts = await table.ReadAsync(90);

        Assert.Equal((1, 0, 0, 0), Requests(table.Fake));
        Assert.Equal(90, counts.Daily!.Count);
        Assert.Equal("2025-06-01", counts.Daily[^1].Date);
        Assert.All(counts.Daily, d => Assert.Equal((0, 0), (d.Views, d.Visitors))); // days absent from the item are zeros
    }
}

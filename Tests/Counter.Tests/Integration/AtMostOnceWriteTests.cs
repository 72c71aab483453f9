namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The counter with the function's real DynamoDB client against <see cref="FakeDynamoDb"/>: an UpdateItem ADD
/// reaches DynamoDB at most once unless the answer proves it was not applied (throttling).
/// </summary>
public sealed class AtMostOnceWriteTests
{
    /// <summary>The day's salt exists; the visitor's marker says a repeat visitor; UpdateItem of <c>total</c> as given.</summary>
    private static Func<string, int, FakeAnswer?> Table(Func<int, FakeAnswer?> updateItem) => (operation, count) => operation switch
    {
        "GetItem" => FakeDynamoDb.SaltOfToday(),
        FakeDynamoDb.MarkerUpdate => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"2"}}}"""),
        "UpdateItem" => updateItem(count),
        _ => FakeDynamoDb.Error("ValidationException"),
    };

    /// <summary>The visit was counted and answered with <paramref name="counts"/>, after <paramref name="updatesSent"/> UpdateItems of <c>total</c>.</summary>
    private static void AssertCounted(CounterOnFakeDynamoDb counter, CountedVisit visit, (long Views, long Visitors) counts, int updatesSent)
    {
        Assert.Equal(VisitOutcome.Counted, visit.Outcome);
        Assert.Equal(counts, (visit.Counts.Views, visit.Counts.Visitors));
        Assert.Equal(updatesSent, counter.Fake.Received("UpdateItem"));
    }

    [Fact]
    public async Task Update_dropped_after_the_request_arrived_is_sent_once_and_is_ambiguous_not_retryable()
    {
        await using var counter = new CounterOnFakeDynamoDb(Table(_ => null));

        var failure = await Record.ExceptionAsync(() => counter.CountAsync());

        // It may have been applied: the function must not invite the page to send it again.
        Assert.IsType<AmbiguousWriteException>(failure);
        Assert.Equal(1, counter.Fake.Received("UpdateItem"));
    }

    [Fact]
    public async Task A_marker_whose_answer_is_lost_admits_the_view_and_the_visit_is_answered()
    {
        await using var counter = new CounterOnFakeDynamoDb((operation, _) => operation switch
        {
            "GetItem" => FakeDynamoDb.SaltOfToday(),
            FakeDynamoDb.MarkerUpdate => null, // the marker's answer is lost
            "UpdateItem" => FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"8"},"Visitors":{"N":"3"}}}"""),
            _ => FakeDynamoDb.Error("ValidationException"),
        });

        var visit = await counter.CountAsync();

        // The allowance guards against floods; a marker that cannot answer must not fail a visit (nor count a new visitor).
        AssertCounted(counter, visit, (8, 3), updatesSent: 1);
    }

    [Fact]
    public async Task Throttled_update_is_retried_and_counted_once()
    {
        await using var counter = new CounterOnFakeDynamoDb(Table(count => count == 1
            ? FakeDynamoDb.Throttled()
            : FakeDynamoDb.Ok("""{"Attributes":{"Views":{"N":"5"},"Visitors":{"N":"2"}}}""")));

        var visit = await counter.CountAsync();

        AssertCounted(counter, visit, (5, 2), updatesSent: 2); // the throttled attempt provably did not apply
    }

    [Fact]
    public async Task Read_dropped_after_the_request_arrived_is_retried()
    {
        await using var counter = new CounterOnFakeDynamoDb((operation, count) => operation == "GetItem" && count == 1
            ? null
            : FakeDynamoDb.Ok("""{"Item":{"Views":{"N":"7"},"Visitors":{"N":"3"}}}"""));

        var counts = await counter.ReadAsync(0);

        Assert.Equal((7, 3), (counts.Views, counts.Visitors));
        Assert.Equal(2, counter.Fake.Received("GetItem"));
    }

    [Fact]
    public async Task Only_a_refused_connection_proves_a_request_was_never_sent()
    {
        // Nothing listens on a port just released; every connect is refused, so no request can have been applied.
        var port = FreePort.Next();
        using var http = new HttpClient();

        var refused = await Record.ExceptionAsync(() => http.PostAsync($"http://127.0.0.1:{port}/", new StringContent("{}")));

        Assert.True(DynamoDbRetries.NeverSent(refused!), refused!.ToString());
        Assert.False(DynamoDbRetries.NeverSent(new HttpIOException(HttpRequestError.ResponseEnded)));
        Assert.False(DynamoDbRetries.NeverSent(new HttpRequestException(HttpRequestError.ResponseEnded, "closed", new IOException())));
    }
}

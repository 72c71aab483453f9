namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The function's counter, as Program.cs builds it on the function's own DynamoDB client (retry policy included),
/// against a <see cref="FakeDynamoDb"/> answering as <c>respond</c> says; it counts as one visitor ("UA") at <see cref="FakeDynamoDb.Now"/>.
/// </summary>
public sealed class CounterOnFakeDynamoDb : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client;

    public CounterOnFakeDynamoDb(Func<string, int, FakeAnswer?> respond)
    {
        Fake = new FakeDynamoDb(respond);
        _client = Fake.CreateFunctionClient();
        Counter = new VisitCounter(_client, "visits", new DailySalt(_client, "visits"));
    }

    public FakeDynamoDb Fake { get; }

    public VisitCounter Counter { get; }

    public Task<CountedVisit> CountAsync(string sourceIp = "203.0.113.7", int days = 0) =>
        Counter.CountAsync(sourceIp, "UA", FakeDynamoDb.Now, days, CancellationToken.None);

    public Task<VisitCounts> ReadAsync(int days) => Counter.ReadAsync(days, FakeDynamoDb.Now, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Fake.DisposeAsync();
    }
}

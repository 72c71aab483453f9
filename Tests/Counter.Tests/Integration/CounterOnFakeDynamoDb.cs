using CloudResume.Counter.Logging;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The function's counter, as Program.cs builds it on the function's own DynamoDB client (retry policy included),
/// against a <see cref="FakeDynamoDb"/> answering as <c>respond</c> says; it counts as one visitor ("UA") at <see cref="FakeDynamoDb.Now"/>.
/// </summary>
public sealed class CounterOnFakeDynamoDb : IAsyncDisposable
{
    private readonly AmazonDynamoDBClient _client;
    private readonly VisitCounter _counter;

    public CounterOnFakeDynamoDb(Func<string, int, FakeAnswer?> respond, FunctionLog? log = null)
    {
        Fake = new FakeDynamoDb(respond);
        _client = Fake.CreateFunctionClient();
        _counter = new VisitCounter(_client, "visits", new DailySalt(_client, "visits"), log: log);
    }

    public FakeDynamoDb Fake { get; }

    public Task<CountedVisit> CountAsync(string sourceIp = "203.0.113.7", int days = 0) =>
        _counter.CountAsync(sourceIp, "UA", FakeDynamoDb.Now, days, CancellationToken.None);

    public Task<VisitCounts> ReadAsync(int days) => _counter.ReadAsync(days, FakeDynamoDb.Now, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Fake.DisposeAsync();
    }
}

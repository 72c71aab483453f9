using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// A tiny loopback HTTP/1.1 server that plays DynamoDB badly on purpose: each request (read in full) is
/// answered by <see cref="Respond"/> by operation name (the X-Amz-Target suffix), or - when it answers
/// null - the connection is closed without a byte of response, the ambiguous failure a client must not
/// resend a non-idempotent write after. Counts every request it fully received.
/// </summary>
public sealed class FakeDynamoDb : IAsyncDisposable
{
    private const string ErrorPrefix = "com.amazonaws.dynamodb.v20120810#";

    /// <summary>The operation name this fake gives an UpdateItem of a visitor's or an address's marker (not of <c>total</c>).</summary>
    public const string MarkerUpdate = "UpdateItem.marker";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public FakeDynamoDb(Func<string, int, FakeAnswer?> respond)
    {
        Respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>(operation, 1-based count of that operation so far) → answer, or null to drop the connection.</summary>
    public Func<string, int, FakeAnswer?> Respond { get; }

    public string Endpoint => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>The function's own DynamoDB client (retry policy included), pointed at this fake.</summary>
    public AmazonDynamoDBClient CreateFunctionClient() =>
        DynamoDbClientFactory.Create(new LambdaEnvironment { DynamoDbEndpoint = Endpoint, Region = "us-east-1" });

    public int Received(string operation) => _received.GetValueOrDefault(operation);

    public static FakeAnswer Ok(string json) => new(200, json, null);

    /// <summary>The moment the tests against this fake count at (its salt's day).</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly string Salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(DailySalt.SaltBytes));

    /// <summary>GetItem's answer when the day's salt exists.</summary>
    public static FakeAnswer SaltOfToday() => Ok(new JsonObject
    {
        ["Item"] = new JsonObject
        {
            [TableKeys.Id] = new JsonObject { ["S"] = TableKeys.SaltOf(UtcDay.Of(Now)) },
            [TableKeys.Salt] = new JsonObject { ["B"] = Salt },
        },
    }.ToJsonString());

    public static FakeAnswer Error(string type, int status = 400) =>
        new(status, $$"""{"__type":"{{ErrorPrefix}}{{type}}","message":"fake {{type}}"}""", type);

    public static FakeAnswer Throttled() => Error("ProvisionedThroughputExceededException");

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var (operation, consumed) = TryParse(buffer);
                if (operation is null)
                {
                    var read = await stream.ReadAsync(chunk, _stopping.Token);
                    if (read == 0)
                    {
                        return;
                    }
                    buffer.AddRange(chunk.AsSpan(0, read));
                    continue;
                }
                buffer.RemoveRange(0, consumed);
                var count = _received.AddOrUpdate(operation, 1, (_, n) => n + 1);
                if (Respond(operation, count) is not { } answer)
                {
                    client.Client.Close(); // the whole request arrived; no answer at all
                    return;
                }
                await stream.WriteAsync(answer.ToHttp(), _stopping.Token);
            }
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The operation and byte length of the first complete request in the buffer, or (null, 0).</summary>
    private static (string? Operation, int Consumed) TryParse(List<byte> buffer)
    {
        var text = Encoding.ASCII.GetString(buffer.ToArray());
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return (null, 0);
        }
        string? operation = null;
        var length = 0;
        foreach (var line in text[..end].Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                continue;
            }
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (name.Equals("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
            {
                operation = value[(value.IndexOf('.') + 1)..];
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var total = end + 4 + length;
        if (buffer.Count < total)
        {
            return (null, 0);
        }
        // The visitor's and the address's markers are UpdateItems too: named apart, so a fake can answer them as markers.
        var body = text.AsSpan(end + 4, length);
        var isMarker = operation == "UpdateItem"
            && (body.Contains("\"visitor#", StringComparison.Ordinal) || body.Contains("\"address#", StringComparison.Ordinal));
        return (isMarker ? MarkerUpdate : operation ?? "?", total);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }
        _stopping.Dispose();
    }
}

/// <summary>One HTTP answer of <see cref="FakeDynamoDb"/>; <paramref name="ErrorType"/> also goes into x-amzn-ErrorType.</summary>
public sealed record FakeAnswer(int Status, string Json, string? ErrorType)
{
    public byte[] ToHttp()
    {
        var body = Encoding.UTF8.GetBytes(Json);
        var head = new StringBuilder()
            .Append("HTTP/1.1 ").Append(Status).Append(Status == 200 ? " OK" : " Bad Request").Append("\r\n")
            .Append("Content-Type: application/x-amz-json-1.0\r\n")
            .Append("x-amzn-RequestId: fake-").Append(Guid.NewGuid().ToString("N")).Append("\r\n")
            .Append("Content-Length: ").Append(body.Length).Append("\r\n");
        if (ErrorType is not null)
        {
            head.Append("x-amzn-ErrorType: ").Append(ErrorType).Append("\r\n");
        }
        head.Append("\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. body];
    }
}

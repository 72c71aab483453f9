using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>
/// The day's HMAC key, shared by every function instance through the table and cached in memory, so it
/// costs DynamoDB calls once per day per process. Created by whoever comes first (conditional PutItem);
/// a loser of that race reads the winner's salt. Winning happens once per day per table, which is what
/// <see cref="TryClaimCreated"/> hands out: the right to do the day's once-a-day chores (the prune).
/// </summary>
public sealed class DailySalt(IAmazonDynamoDB dynamo, string tableName)
{
    public const int SaltBytes = 32;

    private readonly Lock _gate = new();
    private (UtcDay Day, Task<byte[]> Salt)? _cached;
    private UtcDay? _createdUnclaimed;

    public Task<byte[]> GetAsync(UtcDay day, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_cached is { } cached && cached.Day == day && !cached.Salt.IsFaulted && !cached.Salt.IsCanceled)
            {
                return cached.Salt;
            }
            var task = LoadOrCreateAsync(day, cancellationToken);
            _cached = (day, task);
            return task;
        }
    }

    /// <summary>
    /// True exactly once after this instance's conditional PutItem created <paramref name="day"/>'s salt (no other
    /// process in any environment gets true for that day). A lost PutItem answer or a crash means nobody claims
    /// that day, so the daily chore must tolerate skipped days.
    /// </summary>
    public bool TryClaimCreated(UtcDay day)
    {
        lock (_gate)
        {
            if (_createdUnclaimed != day)
            {
                return false;
            }
            _createdUnclaimed = null;
            return true;
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(UtcDay day, CancellationToken cancellationToken)
    {
        var key = new Dictionary<string, AttributeValue> { [TableKeys.Id] = new() { S = TableKeys.SaltOf(day) } };
        if (await ReadAsync(key, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return existing;
        }

        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        try
        {
            var request = new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [TableKeys.Id] = new() { S = TableKeys.SaltOf(day) },
                    [TableKeys.Salt] = new() { B = new MemoryStream(salt) },
                    [TableKeys.ExpiresAt] = new() { N = day.ExpiresAtEpochSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(Id)",
            };
            await DynamoDbCall.RunAsync("PutItem", tableName, DynamoDbRetries.Idempotent, ct => dynamo.PutItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _createdUnclaimed = day;
            }
            return salt;
        }
        catch (ConditionalCheckFailedException)
        {
            return await ReadAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The day's salt exists but could not be read.");
        }
    }

    private async Task<byte[]?> ReadAsync(Dictionary<string, AttributeValue> key, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = tableName, Key = key, ConsistentRead = true };
        var response = await DynamoDbCall.RunAsync("GetItem", tableName, DynamoDbRetries.Idempotent, ct => dynamo.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return response.Item is { } item && item.TryGetValue(TableKeys.Salt, out var value) && value.B is { } stream
            ? stream.ToArray()
            : null;
    }
}

using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Counter.Telemetry;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Counts visits in DynamoDB with atomic ADDs only (never read-modify-write).
/// A repeat visitor costs one round trip: the total, the day and the visitor marker are written in
/// parallel. Only a new visitor costs a second round, to add itself to the visitor counts.
/// </summary>
public sealed class VisitCounter(IAmazonDynamoDB dynamo, string tableName, DailySalt salt) : IVisitCounter
{
    /// <summary>BatchGetItem accepts at most 100 keys per call.</summary>
    private const int BatchGetLimit = 100;

    private static readonly AttributeValue One = new() { N = "1" };
    private static readonly AttributeValue Zero = new() { N = "0" };

    public async Task<VisitCounts> CountAsync(string sourceIp, string userAgent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = UtcDay.Of(now);
        var daySalt = await salt.GetAsync(day, cancellationToken).ConfigureAwait(false);
        var hash = VisitorHash.Compute(daySalt, sourceIp, userAgent, day);

        // Visitors :0 makes UPDATED_NEW return the current visitor count along with the new view count.
        var total = AddAsync(TableKeys.Total, "ADD #views :one, #visitors :zero", ReturnValue.UPDATED_NEW, cancellationToken);
        var today = AddAsync(TableKeys.Day(day), "ADD #views :one", ReturnValue.NONE, cancellationToken);
        var marker = MarkVisitorAsync(day, hash, cancellationToken);
        await WhenAllObserved(total, today, marker).ConfigureAwait(false);

        var views = Number(total.Result, TableKeys.Views);
        var visitors = Number(total.Result, TableKeys.Visitors);
        if (!marker.Result)
        {
            return new VisitCounts(views, visitors);
        }

        var newTotal = AddAsync(TableKeys.Total, "ADD #visitors :one", ReturnValue.UPDATED_NEW, cancellationToken);
        var newDay = AddAsync(TableKeys.Day(day), "ADD #visitors :one", ReturnValue.NONE, cancellationToken);
        await WhenAllObserved(newTotal, newDay).ConfigureAwait(false);
        return new VisitCounts(views, Number(newTotal.Result, TableKeys.Visitors));
    }

    public async Task<VisitCounts> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = DynamoDbSpans.Run("GetItem", tableName, ct => dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            ConsistentRead = true,
            ProjectionExpression = "#views, #visitors",
            ExpressionAttributeNames = Names("#views", "#visitors"),
        }, ct), cancellationToken);
        var series = days > 0 ? ReadDaysAsync(days, UtcDay.Of(now), cancellationToken) : Task.FromResult<IReadOnlyList<DailyCount>?>(null);
        await WhenAllObserved(total, series).ConfigureAwait(false);

        var item = total.Result.Item;
        return new VisitCounts(Number(item, TableKeys.Views), Number(item, TableKeys.Visitors), series.Result);
    }

    private async Task<IReadOnlyList<DailyCount>?> ReadDaysAsync(int days, UtcDay today, CancellationToken cancellationToken)
    {
        var wanted = Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1)).ToList();
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(BatchGetLimit))
        {
            var keys = new KeysAndAttributes
            {
                Keys = chunk.Select(d => Key(TableKeys.Day(d))).ToList(),
                ProjectionExpression = "#id, #views, #visitors",
                ExpressionAttributeNames = Names("#id", "#views", "#visitors"),
            };
            // Unprocessed keys come back under load; a couple of immediate retries, then let it surface as 503.
            for (var attempt = 0; keys is { Keys.Count: > 0 }; attempt++)
            {
                if (attempt == 3)
                {
                    throw new ProvisionedThroughputExceededException("BatchGetItem left keys unprocessed.");
                }
                var request = new BatchGetItemRequest { RequestItems = new() { [tableName] = keys } };
                var response = await DynamoDbSpans.Run("BatchGetItem", tableName, ct => dynamo.BatchGetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
                if (response.Responses?.TryGetValue(tableName, out var items) == true)
                {
                    foreach (var item in items)
                    {
                        found[item[TableKeys.Id].S] = item;
                    }
                }
                keys = response.UnprocessedKeys?.GetValueOrDefault(tableName)!;
            }
        }
        return wanted
            .Select(d => found.TryGetValue(TableKeys.Day(d), out var item)
                ? new DailyCount(d.Key, Number(item, TableKeys.Views), Number(item, TableKeys.Visitors))
                : new DailyCount(d.Key, 0, 0))
            .ToList();
    }

    private Task<UpdateItemResponse> AddAsync(string id, string update, ReturnValue returnValues, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue> { [":one"] = One };
        if (update.Contains(":zero", StringComparison.Ordinal))
        {
            values[":zero"] = Zero;
        }
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(id),
            UpdateExpression = update,
            ExpressionAttributeNames = Names([.. new[] { "#views", "#visitors" }.Where(p => update.Contains(p, StringComparison.Ordinal))]),
            ExpressionAttributeValues = values,
            ReturnValues = returnValues,
        };
        return DynamoDbSpans.Run("UpdateItem", tableName, ct => dynamo.UpdateItemAsync(request, ct), cancellationToken);
    }

    /// <summary>True when this visitor had not been seen today (the conditional put succeeded).</summary>
    private async Task<bool> MarkVisitorAsync(UtcDay day, string hash, CancellationToken cancellationToken)
    {
        try
        {
            await DynamoDbSpans.Run("PutItem", tableName, ct => dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = tableName,
                Item = new Dictionary<string, AttributeValue>
                {
                    [TableKeys.Id] = new() { S = TableKeys.Visitor(day, hash) },
                    [TableKeys.ExpiresAt] = new() { N = day.ExpiresAtEpochSeconds.ToString(CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(Id)",
            }, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Waits for all, then throws the first real failure (not an AggregateException), so mapping sees the cause.</summary>
    private static async Task WhenAllObserved(params Task[] tasks)
    {
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch
        {
            var failure = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault();
            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
            throw;
        }
    }

    // VIEWS is a DynamoDB reserved word: attribute names always go through placeholders.
    private static Dictionary<string, string> Names(params string[] placeholders) => placeholders.ToDictionary(p => p, p => p switch
    {
        "#id" => TableKeys.Id,
        "#views" => TableKeys.Views,
        "#visitors" => TableKeys.Visitors,
        _ => throw new ArgumentOutOfRangeException(nameof(placeholders), p, null),
    });

    private static Dictionary<string, AttributeValue> Key(string id) => new() { [TableKeys.Id] = new() { S = id } };

    private static long Number(UpdateItemResponse response, string attribute) => Number(response.Attributes, attribute);

    private static long Number(Dictionary<string, AttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) && value.N is { } n
            ? long.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : 0;
}

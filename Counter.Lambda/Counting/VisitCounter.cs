using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Counter.Telemetry;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Counts visits in DynamoDB with atomic ADDs only (never read-modify-write), all on the one <c>total</c>
/// item: the totals and the day's series are top-level attributes of it, so a view is one UpdateItem.
/// A visitor this environment already saw today costs exactly that one write; an unknown one also writes
/// its marker (in parallel), and only a new visitor costs a second round, to add itself to the visitor counts.
/// </summary>
public sealed class VisitCounter(IAmazonDynamoDB dynamo, string tableName, DailySalt salt, SeenVisitors? seen = null) : IVisitCounter
{
    /// <summary>The longest series a read may ask for (docs/contracts.md): 2 x 90 attributes in one projection.</summary>
    public const int MaxDays = 90;

    private static readonly AttributeValue One = new() { N = "1" };
    private static readonly AttributeValue Zero = new() { N = "0" };

    private readonly SeenVisitors _seen = seen ?? new SeenVisitors();

    public async Task<VisitCounts> CountAsync(string sourceIp, string userAgent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = UtcDay.Of(now);
        var daySalt = await salt.GetAsync(day, cancellationToken).ConfigureAwait(false);
        var hash = VisitorHash.Compute(daySalt, sourceIp, userAgent, day);

        // Visitors :zero makes UPDATED_NEW return the current visitor count along with the new view count.
        var total = AddAsync("ADD #views :one, #visitors :zero, #dayViews :one", day, cancellationToken);
        if (_seen.Contains(day, hash))
        {
            var known = await total.ConfigureAwait(false);
            return new VisitCounts(Number(known.Attributes, TableKeys.Views), Number(known.Attributes, TableKeys.Visitors));
        }

        var marker = MarkVisitorAsync(day, hash, cancellationToken);
        await WhenAllObserved(total, marker).ConfigureAwait(false);
        _seen.Add(day, hash); // counted now (by us or, for a failed condition, by whoever came first)

        var views = Number(total.Result.Attributes, TableKeys.Views);
        if (!marker.Result)
        {
            return new VisitCounts(views, Number(total.Result.Attributes, TableKeys.Visitors));
        }
        var visitor = await AddAsync("ADD #visitors :one, #dayVisitors :one", day, cancellationToken).ConfigureAwait(false);
        return new VisitCounts(views, Number(visitor.Attributes, TableKeys.Visitors));
    }

    public async Task<VisitCounts> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var today = UtcDay.Of(now);
        var wanted = Enumerable.Range(0, Math.Max(days, 0)).Select(i => today.AddDays(i - days + 1)).ToList();

        // One GetItem: the totals and 2 attributes per day (#v0/#u0 oldest ...), ~1.2 KB of projection for 90 days.
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#views"] = TableKeys.Views,
            ["#visitors"] = TableKeys.Visitors,
        };
        for (var i = 0; i < wanted.Count; i++)
        {
            names["#v" + i.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayViews(wanted[i]);
            names["#u" + i.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayVisitors(wanted[i]);
        }
        var response = await DynamoDbSpans.Run("GetItem", tableName, ct => dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            ConsistentRead = true,
            ProjectionExpression = string.Join(", ", names.Keys),
            ExpressionAttributeNames = names,
        }, ct), cancellationToken).ConfigureAwait(false);

        var item = response.Item;
        var series = days > 0
            ? wanted.Select(d => new DailyCount(d.Key, Number(item, TableKeys.DayViews(d)), Number(item, TableKeys.DayVisitors(d)))).ToList()
            : null;
        return new VisitCounts(Number(item, TableKeys.Views), Number(item, TableKeys.Visitors), series);
    }

    /// <summary>One UpdateItem on <c>total</c>; placeholders #views, #visitors, #dayViews, #dayVisitors, values :one, :zero.</summary>
    private Task<UpdateItemResponse> AddAsync(string update, UtcDay day, CancellationToken cancellationToken)
    {
        // VIEWS is a DynamoDB reserved word: attribute names always go through placeholders.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Use("#views", TableKeys.Views);
        Use("#visitors", TableKeys.Visitors);
        Use("#dayViews", TableKeys.DayViews(day));
        Use("#dayVisitors", TableKeys.DayVisitors(day));
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":one"] = One };
        if (update.Contains(":zero", StringComparison.Ordinal))
        {
            values[":zero"] = Zero;
        }
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            UpdateExpression = update,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.UPDATED_NEW,
        };
        return DynamoDbSpans.Run("UpdateItem", tableName, ct => dynamo.UpdateItemAsync(request, ct), cancellationToken);

        void Use(string placeholder, string attribute)
        {
            // DynamoDB rejects unused placeholders.
            if (update.Contains(placeholder + " ", StringComparison.Ordinal))
            {
                names[placeholder] = attribute;
            }
        }
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

    private static Dictionary<string, AttributeValue> Key(string id) => new() { [TableKeys.Id] = new() { S = id } };

    private static long Number(Dictionary<string, AttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) && value.N is { } n
            ? long.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : 0;
}

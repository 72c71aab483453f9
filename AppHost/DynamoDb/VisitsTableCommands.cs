using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Contracts.Visits;

namespace CloudResume.AppHost.DynamoDb;

/// <summary>
/// Dashboard commands on the visits table. They write the same items as the function
/// (see docs/contracts.md): the <c>total</c> item, whose per-day attributes <c>vYYYYMMDD</c> (views) and
/// <c>uYYYYMMDD</c> (visitors), named by <see cref="TableKeys.DayViews"/>/<see cref="TableKeys.DayVisitors"/>,
/// are the daily series.
/// </summary>
public static class VisitsTableCommands
{
    public const int SampleDays = 30;

    public static IResourceBuilder<DynamoDbTableResource> WithVisitsCommands(this IResourceBuilder<DynamoDbTableResource> table)
    {
        table.WithCommand("reset-counts", "Reset counts",
            context => RunAsync(table.Resource, context, async (dynamo, tableName, cancellationToken) =>
            {
                var message = await ResetAsync(dynamo, tableName, cancellationToken);
                foreach (var afterReset in table.Resource.Annotations.OfType<AfterResetAnnotation>())
                {
                    await afterReset.Run(cancellationToken);
                }
                return message;
            }),
            new CommandOptions
            {
                Description = "Delete every count, daily series, salt and visitor marker in the table, and replace the function's execution environments (they cache the salt and the visitors they saw).",
                ConfirmationMessage = "Delete all visit counts from the local table?",
                IconName = "ArrowReset",
                UpdateState = WhenRunning,
            });
        table.WithCommand("seed-history", $"Seed {SampleDays} days of sample history",
            context => RunAsync(table.Resource, context, SeedAsync),
            new CommandOptions
            {
                Description = $"Add plausible views and visitors for each of the {SampleDays} days before today (today's real count is left alone).",
                IconName = "DataHistogram",
                UpdateState = WhenRunning,
            });
        return table;
    }

    private static ResourceCommandState WhenRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> RunAsync(
        DynamoDbTableResource table,
        ExecuteCommandContext context,
        Func<IAmazonDynamoDB, string, CancellationToken, Task<string>> action)
    {
        try
        {
            using var dynamo = await table.Server.CreateClientAsync(context.CancellationToken);
            var message = await action(dynamo, table.TableName, context.CancellationToken);
            context.Logger.LogInformation("{Message}", message);
            return CommandResults.Success(message);
        }
        catch (AmazonDynamoDBException e)
        {
            return CommandResults.Failure($"DynamoDB refused: {e.Message}");
        }
    }

    public static async Task<string> ResetAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        var deleted = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest
            {
                TableName = tableName,
                ProjectionExpression = TableKeys.Id,
                ExclusiveStartKey = start,
            }, cancellationToken);
            // BatchWriteItem takes at most 25 requests.
            foreach (var chunk in (page.Items ?? []).Chunk(25))
            {
                var requests = chunk.Select(item => new WriteRequest(new DeleteRequest(item))).ToList();
                var unprocessed = new Dictionary<string, List<WriteRequest>> { [tableName] = requests };
                while (unprocessed.Count > 0 && unprocessed.Values.Any(r => r.Count > 0))
                {
                    var result = await dynamo.BatchWriteItemAsync(unprocessed, cancellationToken);
                    unprocessed = result.UnprocessedItems ?? [];
                }
                deleted += chunk.Length;
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
        return $"Deleted {deleted} items from {tableName}.";
    }

    public static async Task<string> SeedAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        var today = UtcDay.Of(DateTimeOffset.UtcNow);
        var random = new Random();
        long views = 0, visitors = 0;
        for (var ago = SampleDays; ago >= 1; ago--)
        {
            var day = today.AddDays(-ago);
            // Weekdays busier than weekends, as a real resume's traffic is.
            var weekday = day.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
            var dayViews = random.Next(weekday ? 40 : 10, weekday ? 140 : 60);
            var dayVisitors = Math.Max(1, (int)(dayViews * (0.5 + (random.NextDouble() * 0.3))));
            await AddAsync(dynamo, tableName, day, dayViews, dayVisitors, cancellationToken);
            views += dayViews;
            visitors += dayVisitors;
        }
        return $"Added {views:N0} views and {visitors:N0} visitors over {SampleDays} days to {tableName}.";
    }

    /// <summary>One UpdateItem on <c>total</c>: the day's attributes and the totals grow together, as the function's ADDs do.</summary>
    private static Task AddAsync(IAmazonDynamoDB dynamo, string tableName, UtcDay day, long views, long visitors, CancellationToken cancellationToken) =>
        dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { [TableKeys.Id] = new AttributeValue { S = TableKeys.Total } },
            // Views is a reserved word in DynamoDB expressions.
            UpdateExpression = "ADD #views :views, #visitors :visitors, #dayViews :views, #dayVisitors :visitors",
            ExpressionAttributeNames = new()
            {
                ["#views"] = TableKeys.Views,
                ["#visitors"] = TableKeys.Visitors,
                ["#dayViews"] = TableKeys.DayViews(day),
                ["#dayVisitors"] = TableKeys.DayVisitors(day),
            },
            ExpressionAttributeValues = new()
            {
                [":views"] = new AttributeValue { N = views.ToString(CultureInfo.InvariantCulture) },
                [":visitors"] = new AttributeValue { N = visitors.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);
}

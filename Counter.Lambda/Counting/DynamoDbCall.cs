using Amazon.Runtime;
using CloudResume.Counter.Telemetry;
using Polly;

namespace CloudResume.Counter.Counting;

/// <summary>
/// One DynamoDB call: sent again only as <paramref name="retries"/> allow (<see cref="DynamoDbRetries"/>),
/// each attempt a client span (semantic conventions for AWS SDK / DynamoDB).
/// </summary>
public static class DynamoDbCall
{
    public static async Task<T> RunAsync<T>(
        string operation, string tableName, ResiliencePipeline retries, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : AmazonWebServiceResponse =>
        await retries.ExecuteAsync(
            static async (state, ct) => await AttemptAsync(state.operation, state.tableName, state.call, ct).ConfigureAwait(false),
            (operation, tableName, call),
            cancellationToken).ConfigureAwait(false);

    // An async method: the span becomes Activity.Current only inside it, so parallel calls stay siblings.
    private static async Task<T> AttemptAsync<T>(string operation, string tableName, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : AmazonWebServiceResponse
    {
        using var activity = CounterTelemetry.Source.StartActivity("DynamoDB." + operation, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", "dynamodb");
            activity.SetTag("db.system.name", "aws.dynamodb");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "DynamoDB");
            activity.SetTag("rpc.method", operation);
            activity.SetTag("aws.dynamodb.table_names", new[] { tableName });
        }
        try
        {
            var response = await call(cancellationToken).ConfigureAwait(false);
            activity?.SetTag("aws.request_id", response.ResponseMetadata?.RequestId);
            return response;
        }
        catch (Exception exception)
        {
            // A failed condition is an answer (e.g. "repeat visitor"), not a failure.
            if (activity is not null && exception is not Amazon.DynamoDBv2.Model.ConditionalCheckFailedException)
            {
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
                activity.SetTag("error.type", exception is AmazonServiceException { ErrorCode: { } code } ? code : exception.GetType().FullName);
            }
            throw;
        }
    }
}

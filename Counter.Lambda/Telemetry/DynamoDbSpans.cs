using System.Diagnostics;
using Amazon.Runtime;

namespace CloudResume.Counter.Telemetry;

/// <summary>One client span per DynamoDB call (semantic conventions for AWS SDK / DynamoDB).</summary>
public static class DynamoDbSpans
{
    // An async method: the child becomes Activity.Current only inside it, so parallel calls stay siblings.
    public static async Task<T> Run<T>(string operation, string tableName, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
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

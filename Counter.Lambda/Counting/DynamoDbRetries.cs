using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Polly;
using Polly.Retry;

namespace CloudResume.Counter.Counting;

/// <summary>
/// When a DynamoDB call is sent again (the client itself never resends: <see cref="DynamoDbClientFactory"/>).
/// An idempotent call — a read, a conditional put — is retried on any transient failure. A counting
/// <c>UpdateItem ADD</c> is not idempotent: it is resent only when the failure proves it was not applied —
/// a throttling answer, or a connection that was never established. A reset connection, a timeout or a 5xx
/// after the request went out may follow an applied write, so it surfaces (503) instead of risking a double count.
/// </summary>
public static class DynamoDbRetries
{
    public const int MaxRetries = 2;

    public static ResiliencePipeline Idempotent { get; } = Build(TransientFailure.IsTransient);

    public static ResiliencePipeline AtMostOnce { get; } = Build(exception => TransientFailure.IsThrottling(exception) || NeverSent(exception));

    /// <summary>
    /// A failure that proves a write was not applied: DynamoDB refused it (throttling, a validation or condition
    /// answer) or it never left (no connection). Anything else — a timeout, a reset, a 5xx — may follow an applied write.
    /// </summary>
    public static bool CertainlyNotApplied(Exception exception) =>
        TransientFailure.IsThrottling(exception) || NeverSent(exception)
        || exception is AmazonDynamoDBException { StatusCode: >= System.Net.HttpStatusCode.BadRequest and < System.Net.HttpStatusCode.InternalServerError };

    /// <summary>True only for failures while connecting (DNS, refused, unreachable): no byte of the request left.</summary>
    public static bool NeverSent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }
        }
        return false;
    }

    private static ResiliencePipeline Build(Func<Exception, bool> retryable) => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            // A failed condition is an answer ("already there"), never a reason to resend.
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not ConditionalCheckFailedException && retryable(e)),
            MaxRetryAttempts = MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(25),
        })
        .Build();
}

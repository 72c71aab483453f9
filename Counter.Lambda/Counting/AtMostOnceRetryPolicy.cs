using System.Net.Http;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudResume.Counter.Counting;

/// <summary>
/// The SDK's standard retries, except that an <c>UpdateItem</c> (our only non-idempotent call: <c>ADD</c>) is
/// resent only when the failure proves DynamoDB did not apply it: a throttling answer, or a connection that
/// was never established. A reset/closed connection, a timeout or a 5xx after the request went out may
/// follow an applied write, so it surfaces (503) instead of risking a double count.
/// Reads and the conditional puts (idempotent in effect) keep the standard policy.
/// </summary>
public sealed class AtMostOnceRetryPolicy(IClientConfig config) : StandardRetryPolicy(config)
{
    public override bool RetryForException(IExecutionContext executionContext, Exception exception) =>
        IsNonIdempotent(executionContext)
            ? IsThrottlingError(exception) || NeverSent(exception)
            : base.RetryForException(executionContext, exception);

    public override Task<bool> RetryForExceptionAsync(IExecutionContext executionContext, Exception exception) =>
        Task.FromResult(RetryForException(executionContext, exception));

    private static bool IsNonIdempotent(IExecutionContext executionContext) =>
        executionContext.RequestContext.OriginalRequest is UpdateItemRequest;

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
}

using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CloudResume.Counter.Counting;

/// <summary>
/// DynamoDB failures worth a "try again" (503 + Retry-After) rather than a crash: throttling,
/// server errors, and an unreachable or hung endpoint. Anything else is a bug and surfaces as one.
/// </summary>
public static class TransientFailure
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "ProvisionedThroughputExceededException",
        "ThrottlingException",
        "RequestLimitExceeded",
        "Throttling",
        "TooManyRequestsException",
    };

    /// <summary>DynamoDB refused the request for its rate: it was certainly not applied.</summary>
    public static bool IsThrottling(Exception exception) =>
        exception is ProvisionedThroughputExceededException or RequestLimitExceededException
        || (exception is AmazonServiceException service && ((service.ErrorCode is { } code && ThrottlingCodes.Contains(code)) || service.Retryable?.Throttling == true));

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ProvisionedThroughputExceededException or RequestLimitExceededException:
                    return true;
                case AmazonServiceException service when IsTransientService(service):
                    return true;
                case HttpRequestException or SocketException or IOException or TimeoutException:
                    return true;
            }
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTransientService(AmazonServiceException service) =>
        (service.ErrorCode is { } code && ThrottlingCodes.Contains(code))
        || (int)service.StatusCode >= 500
        || service.StatusCode == HttpStatusCode.TooManyRequests
        || service.Retryable?.Throttling == true;
}

using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CloudResume.Counter.Runtime;

namespace CloudResume.Counter.Counting;

/// <summary>
/// The DynamoDB client, tuned for a function with a deadline: short timeouts, so a slow or dead endpoint
/// turns into a 503 in time instead of an integration timeout, and no resends of its own — which call may
/// be sent again is decided per call by <see cref="DynamoDbRetries"/>.
/// </summary>
public static class DynamoDbClientFactory
{
    public static AmazonDynamoDBClient Create(LambdaEnvironment environment)
    {
        var config = new AmazonDynamoDBConfig
        {
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(2),
            ConnectTimeout = TimeSpan.FromSeconds(1),
            // AWSSDK.Core 4.1 resends a request up to 10 times (default) when it looks like a stale pooled
            // connection - including "the server closed the connection after reading the whole request" -
            // below any retry policy. Off: an UpdateItem ADD must never be sent twice behind our back.
            MaxStaleConnectionRetries = 0,
        };
        if (environment.DynamoDbEndpoint is { } endpoint)
        {
            // Set explicitly rather than relying on the SDK's AWS_ENDPOINT_URL_* support, so the override is visible here.
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = environment.Region ?? "us-east-1";
        }
        else if (environment.Region is { } region)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        // A local endpoint (dynalite) ignores signatures; without keys the SDK would probe profiles and IMDS for seconds.
        return environment.DynamoDbEndpoint is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"))
            ? new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config)
            : new AmazonDynamoDBClient(config);
    }
}

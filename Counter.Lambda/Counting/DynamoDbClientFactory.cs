using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CloudResume.Counter.Runtime;

namespace CloudResume.Counter.Counting;

/// <summary>
/// The DynamoDB client, tuned for a function with a deadline: few retries and short timeouts, so a slow
/// or dead endpoint turns into a 503 in time instead of an integration timeout.
/// </summary>
public static class DynamoDbClientFactory
{
    public static AmazonDynamoDBClient Create(LambdaEnvironment environment)
    {
        var config = new AmazonDynamoDBConfig
        {
            RetryMode = RequestRetryMode.Standard,
            MaxErrorRetry = 2,
            Timeout = TimeSpan.FromSeconds(2),
            ConnectTimeout = TimeSpan.FromSeconds(1),
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
        if (environment.DynamoDbEndpoint is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            return new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"), config);
        }
        return new AmazonDynamoDBClient(config);
    }
}

using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using CloudResume.Counter.Runtime;

namespace CloudResume.Counter.Counting;

/// <summary>
/// The DynamoDB client, tuned for a function with a deadline: few retries and short timeouts, so a slow
/// or dead endpoint turns into a 503 in time instead of an integration timeout. Counting writes go out at
/// most once unless the failure proves they were not applied (<see cref="AtMostOnceRetryPolicy"/>).
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
            // AWSSDK.Core 4.1 resends a request up to 10 times (default) inside HttpWebRequestMessage.GetResponseAsync
            // when it looks like a stale pooled connection - including "the server closed the connection after
            // reading the whole request" - below the retry policy, for every operation. Off: the retry policy
            // alone decides, and it knows which requests are safe to resend.
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
        if (environment.DynamoDbEndpoint is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID")))
        {
            return new CountingDynamoDbClient(new BasicAWSCredentials("local", "local"), config);
        }
        return new CountingDynamoDbClient(config);
    }

    /// <summary>The SDK client with <see cref="AtMostOnceRetryPolicy"/> in place of the standard retry policy.</summary>
    private sealed class CountingDynamoDbClient : AmazonDynamoDBClient
    {
        public CountingDynamoDbClient(AmazonDynamoDBConfig config) : base(config)
        {
        }

        public CountingDynamoDbClient(AWSCredentials credentials, AmazonDynamoDBConfig config) : base(credentials, config)
        {
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            base.CustomizeRuntimePipeline(pipeline);
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new AtMostOnceRetryPolicy(Config)));
        }
    }
}

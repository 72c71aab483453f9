using Amazon.Runtime;

namespace CloudResume.Local.DynamoDb;

/// <summary>Credentials for local stand-ins of AWS (dynalite, moto), which check only that some are present.</summary>
public static class LocalCredentials
{
    public const string AccessKeyId = "local";
    public const string SecretAccessKey = "local";

    public static AWSCredentials Basic { get; } = new BasicAWSCredentials(AccessKeyId, SecretAccessKey);

    /// <summary>The variables that point an AWS SDK process (the function) at a local DynamoDB endpoint.</summary>
    public static IReadOnlyDictionary<string, string> DynamoDbEnvironment(string endpoint, string region) => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = endpoint,
        ["AWS_REGION"] = region,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
    };
}

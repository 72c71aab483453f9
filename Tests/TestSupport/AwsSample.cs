namespace CloudResume.Tests.Support;

/// <summary>Data AWS itself produced, copied next to each test assembly.</summary>
public static class AwsSample
{
    /// <summary>A real API Gateway HTTP API event (payload 2.0, no authorizer).</summary>
    public static string HttpApiEventPath => Path.Combine(AppContext.BaseDirectory, "AwsSamples", "apigw-v2-request-no-authorizer.json");
}

using CloudResume.Counter.Counting;

namespace CloudResume.Counter.Runtime;

/// <summary>The environment variables the function reads, captured once at start-up.</summary>
public sealed record LambdaEnvironment
{
    public string? RuntimeApi { get; init; }
    public string? TableName { get; init; }
    public string? DynamoDbEndpoint { get; init; }
    public string? Region { get; init; }
    public string FunctionName { get; init; } = "counter";
    public int? MemorySizeMb { get; init; }
    public string? OtlpEndpoint { get; init; }
    public string ServiceName { get; init; } = "counter";
    public VisitLimits Limits { get; init; } = new();

    public static LambdaEnvironment Read(Func<string, string?> get)
    {
        var functionName = NonEmpty(get("AWS_LAMBDA_FUNCTION_NAME")) ?? "counter";
        return new LambdaEnvironment
        {
            RuntimeApi = NonEmpty(get("AWS_LAMBDA_RUNTIME_API")),
            TableName = NonEmpty(get("TABLE_NAME")),
            DynamoDbEndpoint = NonEmpty(get("AWS_ENDPOINT_URL_DYNAMODB")) ?? NonEmpty(get("AWS_ENDPOINT_URL")),
            Region = NonEmpty(get("AWS_REGION")) ?? NonEmpty(get("AWS_DEFAULT_REGION")),
            FunctionName = functionName,
            MemorySizeMb = int.TryParse(get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), out var mb) && mb > 0 ? mb : null,
            OtlpEndpoint = NonEmpty(get("OTEL_EXPORTER_OTLP_ENDPOINT")),
            ServiceName = NonEmpty(get("OTEL_SERVICE_NAME")) ?? functionName,
            Limits = new VisitLimits(
                Positive(get("MAX_VIEWS_PER_VISITOR_PER_DAY")) ?? VisitLimits.DefaultViewsPerVisitorPerDay,
                Positive(get("MAX_VISITORS_PER_ADDRESS_PER_DAY")) ?? VisitLimits.DefaultVisitorsPerAddressPerDay),
        };
    }

    public static LambdaEnvironment FromProcess() => Read(Environment.GetEnvironmentVariable);

    private static int? Positive(string? value) => int.TryParse(value, out var number) && number > 0 ? number : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

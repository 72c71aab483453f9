namespace CloudResume.Contracts.RuntimeApi;

/// <summary>
/// The Lambda Runtime API, version 2018-06-01 (aws-reference/lambda-runtime-api.yaml): paths relative to
/// <c>http://$AWS_LAMBDA_RUNTIME_API</c>, the headers of <c>/next</c> and of error reports.
/// </summary>
public static class RuntimeApiProtocol
{
    public const string Version = "2018-06-01";
    public const string Next = $"/{Version}/runtime/invocation/next";
    public const string InitError = $"/{Version}/runtime/init/error";

    /// <summary>Route templates of the two per-invocation posts, for the server side.</summary>
    public const string ResponseRoute = $"/{Version}/runtime/invocation/{{requestId}}/response";
    public const string ErrorRoute = $"/{Version}/runtime/invocation/{{requestId}}/error";

    public static string Response(string requestId) => $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/response";

    public static string Error(string requestId) => $"/{Version}/runtime/invocation/{Uri.EscapeDataString(requestId)}/error";

    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The content type of an error report's body (<see cref="LambdaError"/>).</summary>
    public const string ErrorContentType = "application/vnd.aws.lambda.error+json";
}

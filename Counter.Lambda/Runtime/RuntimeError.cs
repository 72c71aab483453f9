namespace CloudResume.Counter.Runtime;

/// <summary>Body of /invocation/{id}/error and /init/error (application/vnd.aws.lambda.error+json).</summary>
public sealed record RuntimeError(string ErrorMessage, string ErrorType, string[] StackTrace)
{
    public static RuntimeError From(string errorType, string message) => new(message, errorType, []);
}

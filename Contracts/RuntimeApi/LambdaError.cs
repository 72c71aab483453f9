namespace CloudResume.Contracts.RuntimeApi;

/// <summary>
/// Lambda's error document, <c>{"errorMessage","errorType","stackTrace"}</c>: what a runtime posts to
/// <c>/error</c> and <c>/init/error</c>, and what Lambda itself answers for a timeout or a crash.
/// </summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string>? StackTrace = null);

/// <summary>The Runtime API's answer to an accepted post: <c>{"status":"OK"}</c>.</summary>
public sealed record RuntimeStatus(string Status)
{
    public static readonly RuntimeStatus Ok = new("OK");
}

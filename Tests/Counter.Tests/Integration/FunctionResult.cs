namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The function's result for one invoke, as the Invoke API returned it: a payload 2.0 response (status code,
/// headers, a JSON body with views and visitors), or Lambda's error document (errorType, errorMessage).
/// </summary>
public sealed record FunctionResult(LambdaInvokeResult Invoke)
{
    private JsonElement Document => JsonDocument.Parse(Invoke.Payload).RootElement;

    private JsonElement Response => Invoke is { StatusCode: 200, IsFunctionError: false }
        ? Document
        : throw new InvalidOperationException($"The invoke failed: {this}");

    public bool IsError => Invoke.IsFunctionError;

    public string? ErrorType => IsError ? Document.GetProperty("errorType").GetString() : null;

    public string? ErrorMessage => IsError ? Document.GetProperty("errorMessage").GetString() : null;

    public int StatusCode => Response.GetProperty("statusCode").GetInt32();

    public string? Header(string name) =>
        Response.TryGetProperty("headers", out var headers) && headers.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>The HTTP body the gateway would send, parsed.</summary>
    public JsonElement Json => JsonDocument.Parse(Response.GetProperty("body").GetString()!).RootElement;

    public long Views => Json.GetProperty("views").GetInt64();

    public long Visitors => Json.GetProperty("visitors").GetInt64();

    public override string ToString() => $"{Invoke.StatusCode} {Invoke.FunctionError} {Invoke.Payload}";
}

using CloudResume.Emulator.Hosting;
using CloudResume.Emulator.Runtime;
using CloudResume.Emulator.Telemetry;

namespace CloudResume.Emulator.InvokeApi;

/// <summary>
/// Lambda's Invoke API (<c>POST /2015-03-31/functions/{name}/invocations</c>) on the runtime port, so
/// <c>aws lambda invoke --endpoint-url http://127.0.0.1:9001</c> and the AWS SDKs work locally.
/// </summary>
public static class InvokeApiEndpoints
{
    public static IEndpointRouteBuilder MapInvokeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/2015-03-31/functions/{functionName}/invocations", InvokeAsync);
        return app;
    }

    private static async Task InvokeAsync(HttpContext context, string functionName, FunctionInvoker invoker, EmulatorTelemetry telemetry)
    {
        var response = context.Response;
        var function = invoker.Function;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (!function.IsNamed(Uri.UnescapeDataString(functionName)))
        {
            await ServiceErrorAsync(response, 404, "ResourceNotFoundException",
                new InvokeServiceError("User", $"Function not found: {function.Arn[..(function.Arn.LastIndexOf(':') + 1)]}{Uri.UnescapeDataString(functionName)}"));
            return;
        }

        var invocationType = context.Request.Headers["X-Amz-Invocation-Type"].ToString();
        if (invocationType == "DryRun")
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        var payload = await RuntimeApiEndpoints.ReadAsync(context.Request, FunctionInvoker.MaxRequestPayloadBytes);
        if (payload is null)
        {
            await ServiceErrorAsync(response, 413, "RequestTooLargeException",
                new InvokeServiceError("User", $"Request must be smaller than {FunctionInvoker.MaxRequestPayloadBytes} bytes for the InvokeFunction operation"));
            return;
        }
        if (payload.Length == 0) payload = "{}"u8.ToArray();
        if (JsonProblem(payload) is { } problem)
        {
            // Lambda refuses a payload that is not JSON before any function sees it.
            await ServiceErrorAsync(response, 400, "InvalidRequestContentException",
                new InvokeServiceError("User", $"Could not parse request body into json: {problem}"));
            return;
        }

        var log = context.Request.Headers["X-Amz-Log-Type"] == "Tail" && invocationType != "Event" ? new InvocationLog() : null;
        var span = telemetry.Source.StartActivity($"Invoke {function.Name}", ActivityKind.Internal);
        var invocation = invoker.Invoke(payload, span, log);
        if (invocationType == "Event")
        {
            // Asynchronous invoke: accepted now, run in the background.
            _ = invocation.Completion.ContinueWith(_ => span?.Dispose(), TaskScheduler.Default);
            response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }

        InvocationResult result;
        using (span)
        {
            try
            {
                result = await invocation.Completion.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        switch (result.Outcome)
        {
            case InvocationOutcome.Throttled:
                await ServiceErrorAsync(response, 429, "TooManyRequestsException",
                    new InvokeServiceError("User", "Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded"));
                return;
            case InvocationOutcome.RequestTooLarge:
                await ServiceErrorAsync(response, 413, "RequestTooLargeException",
                    new InvokeServiceError("User", $"Request must be smaller than {FunctionInvoker.MaxRequestPayloadBytes} bytes for the InvokeFunction operation"));
                return;
        }
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (result.IsFunctionError) response.Headers["X-Amz-Function-Error"] = "Unhandled";
        if (log is not null)
        {
            response.Headers["X-Amz-Log-Result"] = await log.TailAsync(invocation.RequestId,
                Stopwatch.GetElapsedTime(invocation.StartedTimestamp), function.Definition.MemorySizeMb);
        }
        await response.WriteJsonAsync(StatusCodes.Status200OK, result.Payload);
    }

    private static string? JsonProblem(byte[] payload)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(payload);
            return null;
        }
        catch (JsonException e)
        {
            return e.Message;
        }
    }

    private static Task ServiceErrorAsync(HttpResponse response, int status, string errorType, InvokeServiceError error)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(error, InvokeApiJsonContext.Default.InvokeServiceError);
        response.Headers["x-amzn-ErrorType"] = errorType;
        return response.WriteJsonAsync(status, body);
    }
}

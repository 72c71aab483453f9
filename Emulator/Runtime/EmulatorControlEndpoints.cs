using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Emulator.Runtime;

/// <summary>The emulator's own endpoints (<see cref="EmulatorPaths"/>): the function's output followed live, and recycling its environments.</summary>
public static class EmulatorControlEndpoints
{
    public static IEndpointRouteBuilder MapEmulatorControl(this IEndpointRouteBuilder app)
    {
        app.MapGet(EmulatorPaths.FunctionLogs, FollowLogsAsync);
        app.MapPost(EmulatorPaths.RecycleEnvironments, RecycleAsync);
        return app;
    }

    private static async Task<IResult> RecycleAsync(HttpContext context, RuntimeDispatchers dispatchers)
    {
        if (dispatchers.Pool is not { } pool)
        {
            return Results.Conflict(new MessageBody("External runtimes poll this emulator: it starts no environments to recycle."));
        }
        // Read whatever arrives, with or without Content-Length: a JSON client (PostAsJsonAsync) sends it chunked.
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = body.Length > 0 ? JsonSerializer.Deserialize(body.GetBuffer().AsSpan(0, (int)body.Length), LocalSystemJsonContext.Default.RecycleRequest) : null;
        if (request?.Command is { } command && !File.Exists(command))
        {
            return Results.BadRequest(new MessageBody($"No runtime executable at {command}."));
        }
        return Results.Json(new RecycleResult(pool.Recycle(request?.Command)), LocalSystemJsonContext.Default.RecycleResult);
    }

    private static async Task FollowLogsAsync(HttpContext context, FunctionLogs logs)
    {
        using var subscription = logs.Follow();
        context.Response.ContentType = "application/x-ndjson";
        await context.Response.Body.FlushAsync(context.RequestAborted);
        try
        {
            await foreach (var record in subscription.Reader.ReadAllAsync(context.RequestAborted))
            {
                await JsonSerializer.SerializeAsync(context.Response.Body, record, LocalSystemJsonContext.Default.FunctionLogRecord, context.RequestAborted);
                await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The reader went away.
        }
    }
}

using System.Text.Json;
using CloudResume.Contracts.LocalSystem;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudResume.Emulator.Runtime;

/// <summary>The function's output as newline-delimited <see cref="FunctionLogRecord"/>s, followed live (the AppHost reads it).</summary>
public static class FunctionLogEndpoints
{
    public static IEndpointRouteBuilder MapFunctionLogs(this IEndpointRouteBuilder app)
    {
        app.MapGet(FunctionLogRecord.Path, async (HttpContext context, FunctionLogs logs) =>
        {
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.Body.FlushAsync(context.RequestAborted);
            try
            {
                await foreach (var record in logs.FollowAsync(context.RequestAborted))
                {
                    await JsonSerializer.SerializeAsync(context.Response.Body, record, FunctionLogJsonContext.Default.FunctionLogRecord, context.RequestAborted);
                    await context.Response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The reader went away.
            }
        });
        return app;
    }
}

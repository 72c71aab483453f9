using System.Buffers;
using CloudResume.Contracts.RuntimeApi;
using CloudResume.Contracts;
using CloudResume.Emulator.Hosting;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01, aws-reference/lambda-runtime-api.yaml). The port a request arrives
/// on says who is calling: a managed environment's own port, or the shared runtime port that any external
/// runtime may poll.
/// </summary>
public static class RuntimeApiEndpoints
{
    public static IEndpointRouteBuilder MapRuntimeApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(RuntimeApiProtocol.Next, NextAsync);
        app.MapPost(RuntimeApiProtocol.ResponseRoute, ResponseAsync);
        app.MapPost(RuntimeApiProtocol.ErrorRoute, ErrorAsync);
        app.MapPost(RuntimeApiProtocol.InitError, InitErrorAsync);
        return app;
    }

    private static async Task NextAsync(HttpContext context, RuntimeDispatchers dispatchers, EmulatedFunction function)
    {
        var (pool, queue) = dispatchers;
        Invocation? invocation;
        try
        {
            var environment = pool?.FindByPort(context.Connection.LocalPort);
            invocation = environment is not null
                ? await environment.NextAsync(context.RequestAborted)
                : queue is not null ? await queue.NextAsync(context.RequestAborted) : null;
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            invocation = null;
        }
        if (invocation is null)
        {
            // The environment was discarded (or the caller went away): the runtime should exit.
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await WriteErrorAsync(context.Response, 500, "ServiceException", "Execution environment is shutting down.");
            }
            return;
        }

        var headers = context.Response.Headers;
        headers[RuntimeApiProtocol.RequestIdHeader] = invocation.RequestId;
        headers[RuntimeApiProtocol.DeadlineHeader] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers[RuntimeApiProtocol.FunctionArnHeader] = function.Arn;
        headers[RuntimeApiProtocol.TraceIdHeader] = invocation.TraceHeader;
        await context.Response.WriteJsonAsync(StatusCodes.Status200OK, invocation.Payload, context.RequestAborted);
    }

    private static async Task ResponseAsync(HttpContext context, string requestId, InvocationRegistry registry)
    {
        if (await CheckStateAsync(context, registry, requestId) is not { } invocation) return;
        var body = await ReadAsync(context.Request, FunctionInvoker.MaxResponsePayloadBytes);
        if (body is null)
        {
            var message = $"Exceeded maximum allowed payload size ({FunctionInvoker.MaxResponsePayloadBytes} bytes).";
            invocation.TryFinish(InvocationResult.Error(InvocationOutcome.ResponseTooLarge, "Function.ResponseSizeTooLarge",
                $"Response payload size exceeded maximum allowed payload size ({FunctionInvoker.MaxResponsePayloadBytes} bytes)."));
            await WriteErrorAsync(context.Response, 413, "RequestEntityTooLarge", message);
            return;
        }
        await AcceptAsync(context, invocation, new InvocationResult(InvocationOutcome.Success, body));
    }

    private static async Task ErrorAsync(HttpContext context, string requestId, InvocationRegistry registry)
    {
        if (await CheckStateAsync(context, registry, requestId) is not { } invocation) return;
        var error = await ReadErrorAsync(context.Request);
        await AcceptAsync(context, invocation, new InvocationResult(InvocationOutcome.FunctionError, error.Payload, error.Type));
    }

    private static async Task InitErrorAsync(HttpContext context, RuntimeDispatchers dispatchers)
    {
        var (pool, queue) = dispatchers;
        var error = await ReadErrorAsync(context.Request);
        var result = new InvocationResult(InvocationOutcome.InitError, error.Payload, error.Type);
        if (pool?.FindByPort(context.Connection.LocalPort) is { } environment)
        {
            pool.OnInitError(environment, result);
        }
        else if (queue is not null)
        {
            queue.ReportInitError(result);
        }
        else
        {
            await WriteErrorAsync(context.Response, 403, "InvalidStateTransition", "No execution environment is initializing on this port.");
            return;
        }
        await WriteStatusAsync(context.Response);
    }

    private static async Task<Invocation?> CheckStateAsync(HttpContext context, InvocationRegistry registry, string requestId)
    {
        var (invocation, ended) = registry.Find(requestId);
        if (invocation is null && !ended)
        {
            await WriteErrorAsync(context.Response, 400, "InvalidRequestID", $"Invalid request ID: {requestId}");
            return null;
        }
        if (invocation is not { IsRunning: true })
        {
            await WriteErrorAsync(context.Response, 403, "InvalidStateTransition",
                $"Invocation {requestId} is not waiting for a response (already answered or timed out).");
            return null;
        }
        return invocation;
    }

    private static async Task AcceptAsync(HttpContext context, Invocation invocation, InvocationResult result)
    {
        if (!invocation.TryFinish(result))
        {
            await WriteErrorAsync(context.Response, 403, "InvalidStateTransition", $"Invocation {invocation.RequestId} already ended.");
            return;
        }
        await WriteStatusAsync(context.Response);
    }

    // The body is the runtime's error JSON; when it is absent or not JSON, Lambda builds one from the header.
    private static async Task<(byte[] Payload, string Type)> ReadErrorAsync(HttpRequest request)
    {
        var headerType = request.Headers[RuntimeApiProtocol.ErrorTypeHeader].ToString();
        var body = await ReadAsync(request, FunctionInvoker.MaxResponsePayloadBytes) ?? [];
        try
        {
            using var document = JsonDocument.Parse(body);
            var type = document.RootElement.ValueKind == JsonValueKind.Object &&
                       document.RootElement.TryGetProperty("errorType", out var t) && t.ValueKind == JsonValueKind.String
                ? t.GetString()! : headerType;
            return (body, string.IsNullOrEmpty(type) ? "Unhandled" : type);
        }
        catch (JsonException)
        {
            var type = string.IsNullOrEmpty(headerType) ? "Unhandled" : headerType;
            return (InvocationResult.ErrorDocument(type, Encoding.UTF8.GetString(body)), type);
        }
    }

    /// <summary>Reads a body up to <paramref name="limit"/> bytes; null when it is larger.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit)
    {
        if (request.ContentLength > limit) return null;
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, request.HttpContext.RequestAborted);
            return exact;
        }
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(16 * 1024), request.HttpContext.RequestAborted);
            if (read == 0) return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > limit) return null;
        }
    }

    private static readonly byte[] Accepted = JsonSerializer.SerializeToUtf8Bytes(RuntimeStatus.Ok, ContractsJsonContext.Default.RuntimeStatus);

    private static Task WriteStatusAsync(HttpResponse response) => response.WriteJsonAsync(StatusCodes.Status202Accepted, Accepted);

    public static Task WriteErrorAsync(HttpResponse response, int status, string errorType, string message) =>
        response.WriteJsonAsync(status, InvocationResult.ErrorDocument(errorType, message));
}

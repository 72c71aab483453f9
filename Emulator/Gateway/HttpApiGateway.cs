using System.Buffers;
using CloudResume.CloudFormation;
using CloudResume.Contracts.Tracing;
using CloudResume.Emulator.Runtime;
using CloudResume.Emulator.Telemetry;
using Microsoft.AspNetCore.Http.Features;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// The HTTP API front door (stage <c>$default</c>): limits, CORS, routing, the stage throttle, the Lambda
/// proxy integration and the mapping of its answer — in the order API Gateway applies them.
/// </summary>
public sealed class HttpApiGateway(
    HttpApiDefinition api,
    FunctionInvoker invoker,
    HttpApiEventBuilder events,
    EmulatorTelemetry telemetry,
    ILogger<HttpApiGateway> log)
{
    private readonly RouteTable _routes = new(api.Routes);
    private readonly CorsPolicy? _cors = api.Cors is null ? null : new CorsPolicy(api.Cors);
    private readonly StageThrottle _throttle = new(api.ThrottlingRateLimit, api.ThrottlingBurstLimit);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var requestId = NewRequestId();
        response.Headers["apigw-requestid"] = requestId;
        if (!HttpMethods.IsOptions(request.Method))
        {
            // On OPTIONS, HTTP APIs add CORS headers to real preflights only (answered below).
            _cors?.ApplyToResponse(request, response);
        }

        if (RequestLineAndHeadersSize(context) > GatewayLimits.MaxRequestLineAndHeadersBytes)
        {
            await GatewayErrors.HeadersTooLarge.WriteAsync(response);
            return;
        }
        if (request.Headers.Keys.FirstOrDefault(name => !HttpToken.IsValid(name)) is { } badName)
        {
            // RFC 9110 field names are tokens; API Gateway's front end refuses anything else before routing.
            log.LogWarning("Refused a request with an invalid header name ({Length} characters)", badName.Length);
            await GatewayErrors.BadRequest.WriteAsync(response);
            return;
        }
        if (_cors is not null && CorsPolicy.IsPreflight(request))
        {
            _cors.WritePreflight(request, response);
            return;
        }

        var (rawPath, _) = HttpApiEventBuilder.RawTarget(context);
        if (_routes.Match(request.Method, rawPath) is not { } match)
        {
            await GatewayErrors.NotFound.WriteAsync(response);
            return;
        }
        if (!_throttle.TryAcquire(match.Route.RouteKey))
        {
            telemetry.StageThrottles.Add(1, new TagList { { "http.route", match.Route.RouteKey } });
            await GatewayErrors.TooManyRequests.WriteAsync(response);
            return;
        }
        if (request.ContentLength > GatewayLimits.MaxPayloadBytes)
        {
            await GatewayErrors.RequestEntityTooLarge.WriteAsync(response);
            return;
        }
        ReadOnlyMemory<byte>? body;
        try
        {
            body = await ReadBodyAsync(request, context.RequestAborted);
        }
        // Kestrel reports a chunk size that overflows as an IOException around an OverflowException.
        catch (Exception e) when (e is BadHttpRequestException or IOException { InnerException: OverflowException })
        {
            // A malformed body (a chunk size that overflows, a truncated chunk): the client's fault, one line, no stack.
            log.LogWarning("Refused a malformed request body: {Reason}", e.Message);
            await GatewayErrors.BadRequest.WriteAsync(response);
            return;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException || context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or stalled until Kestrel gave up) mid-body: nobody is left to answer.
            log.LogWarning("The client left before its body arrived ({Error})", e.GetType().Name);
            return;
        }
        if (body is null)
        {
            await GatewayErrors.RequestEntityTooLarge.WriteAsync(response);
            return;
        }

        if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } server && match.Route.Path.Length > 0)
        {
            // OpenTelemetry's HTTP convention names a server span "{method} {route}": "POST /visits".
            server.DisplayName = $"{request.Method} {match.Route.Path}";
            server.SetTag("http.route", match.Route.Path);
        }
        await InvokeAsync(context, match, body.Value, requestId);
    }

    private async Task InvokeAsync(HttpContext context, RouteMatch match, ReadOnlyMemory<byte> body, string requestId)
    {
        using var span = telemetry.Source.StartActivity($"Invoke {invoker.Function.Name}", ActivityKind.Client);
        span?.SetTag("faas.invoked_name", invoker.Function.Name);
        span?.SetTag("faas.invoked_provider", "aws");
        span?.SetTag("aws.request_id", requestId);

        var traceRoot = XRayTraceHeader.Root(span?.TraceId ?? Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom());
        var payload = events.Build(context, match, body, requestId, traceRoot);
        var invocation = invoker.Invoke(payload, span);

        InvocationResult result;
        try
        {
            result = await invocation.Completion.WaitAsync(match.Route.IntegrationTimeout, context.RequestAborted);
        }
        catch (TimeoutException)
        {
            // The integration timeout (TimeoutInMillis, at most 30 s) fired before the function answered.
            span?.SetStatus(ActivityStatusCode.Error, "Integration timeout");
            log.LogWarning("{Route}: integration timeout after {Timeout} (request {RequestId})", match.Route.RouteKey, match.Route.IntegrationTimeout, requestId);
            await GatewayErrors.ServiceUnavailable.WriteAsync(context.Response);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (result.Outcome == InvocationOutcome.TimedOut && invoker.Function.Timeout >= match.Route.IntegrationTimeout)
        {
            // Same deadline on both sides (the template's 5 s): the client sees the integration timeout.
            await GatewayErrors.ServiceUnavailable.WriteAsync(context.Response);
            return;
        }
        if (result.Outcome != InvocationOutcome.Success)
        {
            // AWS treats every invocation and function error as an internal error: the Lambda API refusing
            // the invoke (throttle, payload over 6 MB) and the function failing (error, crash, timeout) alike.
            log.LogWarning("{Route}: invocation {Outcome} ({ErrorType}), request {RequestId}", match.Route.RouteKey, result.Outcome, result.ErrorType, requestId);
            await GatewayErrors.InternalServerError.WriteAsync(context.Response);
            return;
        }
        if (IntegrationResponseReader.Read(result.Payload) is not { } answer)
        {
            span?.SetStatus(ActivityStatusCode.Error, "Malformed Lambda proxy response");
            log.LogWarning("{Route}: malformed Lambda proxy response, request {RequestId}", match.Route.RouteKey, requestId);
            await GatewayErrors.InternalServerError.WriteAsync(context.Response);
            return;
        }
        await HttpApiResponseWriter.WriteAsync(context.Response, answer, stripCors: _cors is not null);
    }

    // The whole body, or null when it is over the HTTP API payload quota.
    private static async Task<ReadOnlyMemory<byte>?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength == 0) return ReadOnlyMemory<byte>.Empty;
        if (request.ContentLength is { } length)
        {
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(64 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0) return buffer.WrittenMemory;
            buffer.Advance(read);
            if (buffer.WrittenCount > GatewayLimits.MaxPayloadBytes) return null;
        }
    }

    private static long RequestLineAndHeadersSize(HttpContext context)
    {
        var (path, query) = HttpApiEventBuilder.RawTarget(context);
        long size = context.Request.Method.Length + 1 + path.Length + (query.Length > 0 ? query.Length + 1 : 0) + 1 + context.Request.Protocol.Length;
        foreach (var (name, values) in context.Request.Headers)
        {
            foreach (var value in values) size += name.Length + 2 + (value?.Length ?? 0);
        }
        return size;
    }

    // API Gateway's request ids look like "LV7fzho-PHcEJPw=": 11 random bytes in base64.
    private static string NewRequestId()
    {
        Span<byte> bytes = stackalloc byte[11];
        Random.Shared.NextBytes(bytes);
        return Convert.ToBase64String(bytes);
    }
}

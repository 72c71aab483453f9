using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.Tracing;
using CloudResume.Counter.Logging;
using CloudResume.Counter.Runtime;
using CloudResume.Counter.Telemetry;

namespace CloudResume.Counter.Http;

/// <summary>
/// The function as an HTTP API (payload 2.0) integration: event bytes → <see cref="HttpApiRequest"/> →
/// <see cref="VisitsHandler"/> → response bytes, inside the invocation's span, with telemetry flushed
/// before the answer leaves (Lambda may freeze the process right after). Its
/// <see cref="InvokeAsync"/> is the <see cref="LambdaHandler"/> the runtime loop calls.
/// </summary>
public sealed class HttpApiFunction(VisitsHandler handler, TelemetryPipeline? telemetry, FunctionLog log, TimeProvider time)
{
    public const string MalformedEventType = "Runtime.MalformedEvent";

    /// <summary>Longest wait for the OTLP exporter before answering.</summary>
    public static readonly TimeSpan MaxFlush = TimeSpan.FromSeconds(1);

    public async Task<byte[]> InvokeAsync(InvocationRequest invocation, CancellationToken stopping)
    {
        var context = invocation.Context;
        var request = Parse(invocation.Payload)
            ?? throw new FunctionErrorException(MalformedEventType, "The event is not an API Gateway HTTP API payload format 2.0 request.");

        var started = Stopwatch.GetTimestamp();
        var template = Router.Template(Router.Match(request.Method, request.Path));
        var activity = TelemetryPipeline.StartInvocation(template is null ? request.Method : $"{request.Method} {template}",
            XRayTraceHeader.Parse(context.TraceId), context);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method);
            activity.SetTag("url.path", request.Path);
            activity.SetTag("http.route", template);
            // No user agent, no address: a trace keeps nothing that identifies a visitor (docs/privacy.md).
        }

        HandledRequest handled;
        try
        {
            using var deadline = DeadlineBudget.CreateSource(context.Deadline, time);
            handled = await handler.HandleAsync(request, context.RequestId, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity?.SetTag("error.type", exception.GetType().FullName);
            activity?.Dispose();
            FlushTelemetry(context.Deadline);
            throw;
        }

        var response = handled.Response;
        activity?.SetTag("http.response.status_code", response.StatusCode);
        activity?.SetTag("visit.outcome", handled.Visit.ToString());
        if (response.StatusCode >= 500)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }
        // Inside the span, so the record carries this invocation's trace; its metric fields count the visit (EMF).
        log.Info("Handled", context.RequestId,
        [
            ("method", request.Method),
            ("path", request.Path),
            ("status", response.StatusCode),
            ("durationMs", Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2)),
            .. handled.MetricFields,
        ]);
        activity?.Dispose();
        FlushTelemetry(context.Deadline);
        return JsonSerializer.SerializeToUtf8Bytes(response, ContractsJsonContext.Default.HttpApiResponse);
    }

    /// <summary>Null when the payload is not a payload 2.0 event (not JSON, wrong shape, wrong version).</summary>
    public static HttpApiRequest? Parse(byte[] payload)
    {
        try
        {
            var request = JsonSerializer.Deserialize(payload, ContractsJsonContext.Default.HttpApiRequest);
            return request is { IsPayloadV2: true } ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void FlushTelemetry(DateTimeOffset deadline)
    {
        if (telemetry is null)
        {
            return;
        }
        // Never let exporting eat the time the answer needs.
        var left = DeadlineBudget.TimeUntilGiveUp(deadline, time.GetUtcNow());
        telemetry.Flush(left < MaxFlush ? left : MaxFlush);
    }
}

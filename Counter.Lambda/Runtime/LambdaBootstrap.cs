using System.Diagnostics;
using System.Text.Json;
using CloudResume.Counter.Http;
using CloudResume.Counter.Json;
using CloudResume.Counter.Logging;
using CloudResume.Counter.Telemetry;

namespace CloudResume.Counter.Runtime;

/// <summary>
/// The invocation loop: next → handle → response (or error), one event at a time, forever.
/// A bad event or a failed invocation is reported to the Runtime API and the loop goes on;
/// only losing the Runtime API itself ends the process.
/// </summary>
public sealed class LambdaBootstrap(
    RuntimeApiClient runtime,
    VisitsHandler handler,
    TelemetryPipeline? telemetry,
    JsonLineLogger log,
    TimeProvider time)
{
    public const string MalformedEventType = "Runtime.MalformedEvent";
    public const string UnhandledErrorType = "Runtime.UnhandledException";

    /// <summary>Longest wait for the OTLP exporter before answering.</summary>
    public static readonly TimeSpan MaxFlush = TimeSpan.FromSeconds(1);

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var invocation = await runtime.NextAsync(stopping).ConfigureAwait(false);
            await HandleAsync(invocation, stopping).ConfigureAwait(false);
        }
    }

    public async Task HandleAsync(Invocation invocation, CancellationToken stopping)
    {
        var context = invocation.Context;
        // The AWS SDK and X-Ray tooling read the current trace from this variable.
        Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", context.TraceId);

        var request = Parse(invocation.Payload);
        if (request is null)
        {
            log.Warn("Malformed event: not an HTTP API payload 2.0", context.RequestId);
            await runtime.PostErrorAsync(context.RequestId, RuntimeError.From(MalformedEventType, "The event is not an API Gateway HTTP API payload format 2.0 request."), stopping).ConfigureAwait(false);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var route = Router.Match(request.Method, request.Path);
        var spanName = Router.Template(route) is { } template ? request.Method + " " + template : request.Method;
        var activity = TelemetryPipeline.StartInvocation(spanName, XRayTraceHeader.Parse(context.TraceId), context);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method);
            activity.SetTag("url.path", request.Path);
            activity.SetTag("http.route", Router.Template(route));
            activity.SetTag("user_agent.original", request.UserAgent);
        }

        HttpApiResponse? response = null;
        Exception? failure = null;
        using (var deadline = DeadlineBudget.CreateSource(context.Deadline, time))
        {
            try
            {
                response = await handler.HandleAsync(request, context.RequestId, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }

        if (activity is not null)
        {
            if (response is not null)
            {
                activity.SetTag("http.response.status_code", response.StatusCode);
                if (response.StatusCode >= 500)
                {
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }
            else
            {
                activity.SetStatus(ActivityStatusCode.Error, failure?.GetType().Name);
                activity.SetTag("error.type", failure?.GetType().FullName);
            }
            activity.Dispose();
        }
        FlushTelemetry(context.Deadline);

        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response is not null)
        {
            log.Info("Handled", context.RequestId, w =>
            {
                w.WriteString("method", request.Method);
                w.WriteString("path", request.Path);
                w.WriteNumber("status", response.StatusCode);
                w.WriteNumber("durationMs", Math.Round(elapsedMs, 2));
            });
            var body = JsonSerializer.SerializeToUtf8Bytes(response, CounterJsonContext.Default.HttpApiResponse);
            await runtime.PostResponseAsync(context.RequestId, body, stopping).ConfigureAwait(false);
        }
        else
        {
            var exception = failure!;
            log.Error("Unhandled exception", context.RequestId, w =>
            {
                w.WriteString("errorType", exception.GetType().FullName);
                w.WriteString("error", exception.Message);
                w.WriteNumber("durationMs", Math.Round(elapsedMs, 2));
            });
            var error = new RuntimeError(exception.Message, exception.GetType().Name,
                exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
            await runtime.PostErrorAsync(context.RequestId, error, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>Null when the payload is not a payload 2.0 event (not JSON, wrong shape, wrong version).</summary>
    public static HttpApiRequest? Parse(byte[] payload)
    {
        try
        {
            var request = JsonSerializer.Deserialize(payload, CounterJsonContext.Default.HttpApiRequest);
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

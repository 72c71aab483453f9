using System.Diagnostics;

namespace CloudResume.Emulator;

/// <summary>
/// X-Ray's trace header derived from the current W3C trace, so the gateway span, the invoke span and the
/// function's own spans (it reads <c>_X_AMZN_TRACE_ID</c>) are one trace: the 32 hex digits of the W3C
/// trace id split 8 + 24, Parent = the invoke span.
/// </summary>
public static class XRayTraceHeader
{
    public static string From(Activity? activity)
    {
        var traceId = activity?.TraceId ?? ActivityTraceId.CreateRandom();
        var spanId = activity?.SpanId ?? ActivitySpanId.CreateRandom();
        var sampled = activity is null || activity.Recorded ? "1" : "0";
        return $"{Root(traceId)};Parent={spanId.ToHexString()};Sampled={sampled}";
    }

    /// <summary><c>Root=1-xxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx</c>, what API Gateway puts in <c>x-amzn-trace-id</c>.</summary>
    public static string Root(ActivityTraceId traceId)
    {
        var hex = traceId.ToHexString();
        return $"Root=1-{hex[..8]}-{hex[8..]}";
    }
}

namespace CloudResume.Contracts.Tracing;

/// <summary>
/// The X-Ray trace header (<c>Root=1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy;Parent=16hex;Sampled=1</c>) and the
/// W3C trace it stands for: the 32 hex digits of the W3C trace id split 8 + 24 make Root, Parent is the
/// caller's span. API Gateway and Lambda pass it on; the function continues it as its parent.
/// </summary>
public static class XRayTraceHeader
{
    /// <summary>The header for a call made inside <paramref name="activity"/> (a new trace when null).</summary>
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

    /// <summary>The W3C parent the header names; null when it is missing or incomplete (a new trace starts).</summary>
    public static ActivityContext? Parse(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        string? root = null, parent = null, sampled = null;
        foreach (var part in header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=');
            if (eq <= 0)
            {
                continue;
            }
            var value = part[(eq + 1)..];
            switch (part[..eq])
            {
                case "Root": root = value; break;
                case "Parent": parent = value; break;
                case "Sampled": sampled = value; break;
            }
        }
        // Root = "1-" + 8 hex (epoch seconds) + "-" + 24 hex.
        if (root is not { Length: 35 } || !root.StartsWith("1-", StringComparison.Ordinal) || root[10] != '-'
            || parent is not { Length: 16 } || !IsHex(parent))
        {
            return null;
        }
        var traceHex = string.Concat(root.AsSpan(2, 8), root.AsSpan(11, 24));
        if (!IsHex(traceHex) || traceHex.All(c => c == '0') || parent.All(c => c == '0'))
        {
            return null;
        }
        var flags = sampled == "0" ? ActivityTraceFlags.None : ActivityTraceFlags.Recorded;
        return new ActivityContext(
            ActivityTraceId.CreateFromString(traceHex.ToLowerInvariant()),
            ActivitySpanId.CreateFromString(parent.ToLowerInvariant()),
            flags,
            isRemote: true);
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}

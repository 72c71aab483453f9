using System.Diagnostics;

namespace CloudResume.Counter.Telemetry;

/// <summary>
/// Turns Lambda's X-Ray header (Root=1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy;Parent=16hex;Sampled=1) into a
/// W3C parent: the trace id is the 8 + 24 hex digits of Root, the parent span id is Parent.
/// </summary>
public static class XRayTraceHeader
{
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

namespace CloudResume.Tests.Reliability.Support;

/// <summary>An HTTP/1.1 answer as it came off the wire: status, headers (repeats kept), body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public bool HasHeaderStartingWith(string prefix) => Headers.Any(h => h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Parses a whole response read until the server closed the connection.</summary>
    public static RawHttpResponse Parse(byte[] raw)
    {
        var headEnd = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            throw new InvalidDataException($"No complete response head in {raw.Length} bytes: {Encoding.Latin1.GetString(raw.AsSpan(0, Math.Min(raw.Length, 200)))}");
        }
        var lines = Encoding.Latin1.GetString(raw, 0, headEnd).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1)
            .Select(l => l.Split(':', 2))
            .Select(p => new KeyValuePair<string, string>(p[0].Trim(), p.Length > 1 ? p[1].Trim() : ""))
            .ToList();
        var body = raw.AsSpan(headEnd + 4);
        var chunked = headers.Any(h => h.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
        return new RawHttpResponse(status, headers, Encoding.UTF8.GetString(chunked ? Dechunk(body) : body));
    }

    private static byte[] Dechunk(ReadOnlySpan<byte> body)
    {
        var result = new List<byte>();
        while (true)
        {
            var lineEnd = body.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return [.. result];
            }
            var size = Convert.ToInt32(Encoding.Latin1.GetString(body[..lineEnd]).Split(';')[0].Trim(), 16);
            if (size == 0)
            {
                return [.. result];
            }
            result.AddRange(body.Slice(lineEnd + 2, size));
            body = body[(lineEnd + 2 + size + 2)..];
        }
    }
}

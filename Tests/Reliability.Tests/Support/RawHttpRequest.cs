using System.Net.Sockets;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// An HTTP/1.1 request written byte for byte: HttpClient would normalise what these tests need to send
/// as is (<c>/visits/../visits</c>, repeated header lines, no User-Agent, invalid UTF-8, unknown methods).
/// <paramref name="Chunked"/>: the body is sent in well-formed chunks; <paramref name="Framed"/>: the body already
/// holds its own framing (e.g. a broken chunk) and is sent without Content-Length.
/// </summary>
public sealed record RawHttpRequest(string Method, string Target, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, bool Chunked = false, bool Framed = false)
{
    public async Task<RawHttpResponse> SendAsync(int port, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cts.Token);
        var stream = client.GetStream();

        // The server may answer (413, 431) before reading the body and close: reading runs alongside writing.
        var reading = ReadToEndAsync(stream, cts.Token);
        try
        {
            await stream.WriteAsync(Head(), cts.Token);
            await WriteBodyAsync(stream, cts.Token);
        }
        catch (IOException) when (!cts.IsCancellationRequested)
        {
            // Connection closed mid-body after an early answer; the answer is what counts.
        }
        return RawHttpResponse.Parse(await reading);
    }

    private byte[] Head()
    {
        var head = new StringBuilder($"{Method} {Target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        foreach (var (name, value) in Headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (Chunked)
        {
            head.Append("Transfer-Encoding: chunked\r\n");
        }
        else if (!Framed && (Body.Length > 0 || Method is "POST" or "PUT" or "PATCH"))
        {
            head.Append("Content-Length: ").Append(Body.Length).Append("\r\n");
        }
        return Encoding.Latin1.GetBytes(head.Append("\r\n").ToString());
    }

    private async Task WriteBodyAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        if (!Chunked)
        {
            await stream.WriteAsync(Body, cancellationToken);
            return;
        }
        const int ChunkSize = 64 * 1024;
        for (var offset = 0; offset < Body.Length; offset += ChunkSize)
        {
            var length = Math.Min(ChunkSize, Body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{length:X}\r\n"), cancellationToken);
            await stream.WriteAsync(Body.AsMemory(offset, length), cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }
        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
    }

    private static async Task<byte[]> ReadToEndAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException) when (buffer.Length > 0)
        {
            // Reset after a complete answer (the server dropped the unread body).
        }
        return buffer.ToArray();
    }
}

using System.Net.Sockets;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>A POST that promises a 1,000-byte body and sends 10 bytes of it: then hangs up, or stalls until the server gives up.</summary>
public static class SlowBody
{
    public static async Task SendAsync(int port, string userAgent, bool leave)
    {
        using var client = new TcpClient { LingerState = new LingerOption(true, 0) }; // hanging up = RST, as a killed tab does
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        var head = $"POST /visits HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: {userAgent}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{{\"page\":\"/";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        if (leave)
        {
            await Task.Delay(200);
            return;
        }
        // Stalled: the server closes the connection (or answers) once the body's minimum data rate is missed (5 s grace).
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, giveUp.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Reset by the server: it gave up, as it should.
        }
    }
}

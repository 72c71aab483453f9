using System.Net;
using System.Net.Sockets;

namespace CloudResume.Local.Processes;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it), and waiting for one to open.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts connections on the port, or throws after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool>? stillAlive = null)
    {
        var giveUp = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < giveUp && (stillAlive?.Invoke() ?? true))
            {
                await Task.Delay(25);
            }
        }
    }
}

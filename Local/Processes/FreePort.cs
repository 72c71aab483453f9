using System.Net.Sockets;

namespace CloudResume.Local.Processes;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now, and waiting for one to open.</summary>
public static class FreePort
{
    // Below Linux's ephemeral range (32768-60999): a port the OS hands out for "any port" (an outgoing
    // connection, or Aspire's orchestrator placing a process) cannot take ours between picking and binding.
    private const int First = 20000;
    private const int Last = 32767;

    // Every port handed out in this process: two callers (a site and an API port) never get the same one, even before either binds it.
    private static readonly HashSet<int> HandedOut = [];

    public static int Next()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(First, Last + 1);
            lock (HandedOut)
            {
                if (!HandedOut.Add(port))
                {
                    continue;
                }
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
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

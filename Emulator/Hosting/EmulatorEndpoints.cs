using CloudResume.Contracts.LocalSystem;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CloudResume.Emulator.Hosting;

/// <summary>
/// The Kestrel endpoints: the gateway port, the runtime port, and one loopback port per unit of
/// concurrency for managed environments (each environment's own AWS_LAMBDA_RUNTIME_API). Ports given
/// as 0 are known only once Kestrel has bound them.
/// </summary>
public sealed class EmulatorEndpoints
{
    private ListenOptions? _gateway;
    private ListenOptions? _runtime;
    private readonly List<ListenOptions> _slots = [];

    public int GatewayPort { get; private set; }
    public int RuntimePort { get; private set; }
    public IReadOnlyList<int> SlotPorts => [.. _slots.Select(s => s.IPEndPoint!.Port)];

    public void Configure(KestrelServerOptions kestrel, EmulatorSettings settings, IPAddress bindAddress, int slots)
    {
        kestrel.AddServerHeader = false;
        // The gateway enforces API Gateway's own limits (10 KB request line + headers, 10 MB payload) and
        // answers with AWS's status codes, so Kestrel's must sit above them and never answer first.
        kestrel.Limits.MaxRequestLineSize = 64 * 1024;
        kestrel.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        kestrel.Limits.MaxRequestBodySize = null;
        kestrel.Listen(bindAddress, settings.GatewayPort, l => _gateway = l);
        kestrel.Listen(bindAddress, settings.RuntimePort, l => _runtime = l);
        for (var i = 0; i < slots; i++)
        {
            kestrel.Listen(IPAddress.Loopback, 0, l => _slots.Add(l));
        }
        GatewayPort = settings.GatewayPort;
        RuntimePort = settings.RuntimePort;
    }

    /// <summary>Reads the bound ports back (after the server started).</summary>
    public void Resolve()
    {
        GatewayPort = _gateway?.IPEndPoint?.Port ?? GatewayPort;
        RuntimePort = _runtime?.IPEndPoint?.Port ?? RuntimePort;
    }
}

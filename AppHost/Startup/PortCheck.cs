using System.Net.Sockets;

namespace CloudResume.AppHost.Startup;

public static class PortCheck
{
    /// <summary>
    /// False, after naming the port and the setting that moves it, when another program holds one of the
    /// fixed local ports. Fixed rather than free-picked on purpose: a bookmark keeps working, and the site's
    /// origin (the API's allowed CORS origin) stays the same between runs. The caller ends the program: no
    /// <c>Environment.Exit</c> here, which would also end a test host running the AppHost in-process.
    /// </summary>
    public static bool PortsAreFree(this IDistributedApplicationBuilder builder, CloudResumeOptions options)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return true;
        }
        var taken = new List<string>();
        foreach (var (port, setting) in Ports(builder, options))
        {
            if (!IsFree(port))
            {
                taken.Add($"Port {port} is in use by another program; stop it, or choose another port with {setting}.");
            }
        }
        if (taken.Count > 0)
        {
            Console.Error.WriteLine($"CloudResume cannot start:\n  {string.Join("\n  ", taken)}");
        }
        return taken.Count == 0;
    }

    private static IEnumerable<(int Port, string Setting)> Ports(IDistributedApplicationBuilder builder, CloudResumeOptions options)
    {
        yield return (options.SitePort, $"`dotnet run --project AppHost -- --CloudResume:SitePort={options.SitePort + 1000}`");
        yield return (options.ApiPort, $"`dotnet run --project AppHost -- --CloudResume:ApiPort={options.ApiPort + 1000}`");
        // The dashboard's own addresses come from the launch profile.
        foreach (var key in new[] { "ASPNETCORE_URLS", "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL", "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL" })
        {
            foreach (var url in (builder.Configuration[key] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsLoopback)
                {
                    yield return (uri.Port, $"{key} in AppHost/Properties/launchSettings.json");
                }
            }
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

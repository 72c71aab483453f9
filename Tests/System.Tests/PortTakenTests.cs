using System.Net.Sockets;

namespace CloudResume.Tests.System;

/// <summary>Start-up when another program holds the site's port: the README's command, run as a user would.</summary>
public sealed class PortTakenTests
{
    [Fact]
    public async Task A_taken_site_port_stops_the_AppHost_at_once_naming_the_port_and_the_setting_that_moves_it()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run = await new ProcessStart("dotnet", ["run", "--project", "AppHost", "--no-build", "--", $"--CloudResume:SitePort={port}"])
            .RunAsync(timeout.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Port {port} is in use by another program", run.Stderr);
        Assert.Contains("--CloudResume:SitePort=", run.Stderr);
        Assert.DoesNotContain("Unhandled exception", run.Stdout + run.Stderr);
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CloudResume.Bench;

/// <summary>Where the repository is, free loopback ports, and the `dotnet` steps that build what is measured.</summary>
public static class BenchEnvironment
{
    public static string Root { get; } = LocateRoot();

    public static string AotBootstrap => Path.Combine(Root, "Counter.Lambda", "bin", "Release", "net10.0", "linux-x64", "publish", "bootstrap");

    public static string LambdaZip => Path.Combine(Root, "artifacts", "counter-lambda.zip");

    public static string EmulatorDll => Path.Combine(Root, "Emulator", "bin", "Release", "net10.0", "Emulator.dll");

    public static int FreePort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using (socket)
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            return ((IPEndPoint)socket.LocalEndPoint!).Port;
        }
    }

    /// <summary>Builds the Release emulator and publishes the AOT function (and its zip) when missing.</summary>
    public static async Task EnsureBuiltAsync()
    {
        await DotnetAsync("build", "Emulator", "-c", "Release", "-nologo", "-v", "q");
        if (!File.Exists(AotBootstrap) || !File.Exists(LambdaZip))
        {
            await DotnetAsync("publish", "Counter.Lambda", "-c", "Release", "-r", "linux-x64", "-nologo", "-v", "q");
        }
    }

    /// <summary>First line of a command's output ("" when it cannot run), for the machine description.</summary>
    public static string FirstLineOf(string command, params string[] arguments)
    {
        try
        {
            var info = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }
            using var process = Process.Start(info)!;
            var line = process.StandardOutput.ReadLine() ?? "";
            process.WaitForExit();
            return line.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    private static async Task DotnetAsync(params string[] arguments)
    {
        Console.WriteLine($"dotnet {string.Join(' ', arguments)}");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}).");
        }
    }

    private static string LocateRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CloudResume.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("CloudResume.sln not found above the benchmark.");
    }
}

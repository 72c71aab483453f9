using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CloudResume.Deploy;
using CloudResume.Tests.Support;

namespace CloudResume.Tests.Infra;

/// <summary>
/// A moto server (python3 -m moto.server) on a free loopback port, shared per test collection (<see cref="MotoCollection"/>).
/// moto's CloudFormation creates the table, role, function, log groups and buckets; it ignores
/// ApiGatewayV2, CloudFront and bucket policies and returns no Outputs, so tests here check wiring only.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private Process? _process;

    public string Endpoint { get; private set; } = "";

    /// <summary>Dummy credentials: moto accepts any.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Credentials = new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        // moto answers some failures with a body the CLI cannot parse and would retry for seconds.
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    /// <summary>Deploy options aimed at this server; the stand-ins replace the outputs moto does not return.</summary>
    public DeployOptions Options(string stackName, string artifactBucket) => new()
    {
        RepositoryRoot = RepositoryPaths.Root,
        StackName = stackName,
        Region = Region,
        EndpointUrl = Endpoint,
        AwsEnvironment = Credentials,
        ArtifactBucket = artifactBucket,
    };

    public AwsCli Cli() => new(new DeployOptions { Region = Region, EndpointUrl = Endpoint, AwsEnvironment = Credentials, RepositoryRoot = RepositoryPaths.Root });

    public async Task InitializeAsync()
    {
        var port = FreePort();
        var info = new ProcessStartInfo("python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        // Drain its request log so the pipe never fills up.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = $"http://127.0.0.1:{port}";

        var giveUp = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < giveUp && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process?.Dispose();
        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// Tests that share one moto server run one after another; the two collections, each with its own
/// server, run in parallel (most of their time is the aws CLI's waiters sleeping).
/// </summary>
public static class MotoCollection
{
    public const string Stack = "moto-stack";
    public const string Deploy = "moto-deploy";
}

[CollectionDefinition(MotoCollection.Stack)]
public sealed class MotoStackCollection : ICollectionFixture<MotoServer>;

[CollectionDefinition(MotoCollection.Deploy)]
public sealed class MotoDeployCollection : ICollectionFixture<MotoServer>;

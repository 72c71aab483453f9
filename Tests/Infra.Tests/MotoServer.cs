namespace CloudResume.Tests.Infra;

/// <summary>
/// A moto server (python3 -m moto.server) on a free loopback port, shared per test collection (<see cref="MotoCollection"/>).
/// moto's CloudFormation creates the table, role, function, log groups and buckets; it ignores
/// ApiGatewayV2, CloudFront and bucket policies and returns no Outputs, so tests here check wiring only.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";

    private LocalProcess? _process;

    public string Endpoint { get; private set; } = "";

    /// <summary>Dummy credentials (moto accepts any) and nothing of the user's own AWS set-up.</summary>
    public static Dictionary<string, string?> Credentials() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = LocalCredentials.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = LocalCredentials.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        // moto answers some failures with a body the CLI cannot parse and would retry for seconds.
        ["AWS_MAX_ATTEMPTS"] = "1",
    };

    /// <summary>Deploy options aimed at this server; the stand-ins replace the outputs moto does not return.</summary>
    public DeployOptions Options(string stackName, string artifactBucket) => new()
    {
        RepositoryRoot = RepositoryLayout.Current.Root,
        StackName = stackName,
        Region = Region,
        EndpointUrl = Endpoint,
        AwsEnvironment = Credentials(),
        ArtifactBucket = artifactBucket,
    };

    /// <summary>
    /// Options for a whole deploy (Deploy/AwsDeployment) here: the artifact bucket created as needed, the given package
    /// as it is (no <c>dotnet publish</c>), stand-in URLs for the outputs moto does not return, and no CloudFront invalidation.
    /// </summary>
    public DeployOptions WholeDeployOptions(string stackName, string artifactBucket, string package, string apiUrl, string siteUrl) =>
        Options(stackName, artifactBucket) with
        {
            CreateArtifactBucket = true,
            SkipPublish = true,
            FunctionPackage = package,
            ApiUrlOverride = apiUrl,
            SiteUrlOverride = siteUrl,
            SkipInvalidation = true,
        };

    public AwsCli Cli() => new(new DeployOptions { Region = Region, EndpointUrl = Endpoint, AwsEnvironment = Credentials(), RepositoryRoot = RepositoryLayout.Current.Root });

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        _process = await LocalProcess.StartServerAsync(
            new ProcessStart("python3", ["-m", "moto.server", "-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)]),
            port, TimeSpan.FromSeconds(60), "Is moto installed (pip install 'moto[server]')?");
        Endpoint = $"http://127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}

/// <summary>
/// Tests that share one moto server run one after another; the collections, each with its own
/// server, run in parallel (most of their time is the aws CLI's waiters sleeping).
/// </summary>
public static class MotoCollection
{
    public const string Stack = "moto-stack";
    public const string Deploy = "moto-deploy";
    public const string Lifecycle = "moto-lifecycle";
}

[CollectionDefinition(MotoCollection.Stack)]
public sealed class MotoStackCollection : ICollectionFixture<MotoServer>;

[CollectionDefinition(MotoCollection.Deploy)]
public sealed class MotoDeployCollection : ICollectionFixture<MotoServer>;

[CollectionDefinition(MotoCollection.Lifecycle)]
public sealed class MotoLifecycleCollection : ICollectionFixture<MotoServer>;

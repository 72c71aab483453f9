using CloudResume.CloudFormation;
using CloudResume.Local.Repository;

namespace CloudResume.Deploy;

/// <summary>
/// What one deploy does. Bound from configuration by the AppHost's <c>aspire deploy</c> step (section
/// <see cref="SectionName"/>, e.g. <c>AwsDeployment__ArtifactBucket</c>) and from the command line by
/// <see cref="DeployCommandLine"/>; every property has a documented default.
/// </summary>
public sealed record DeployOptions
{
    public const string SectionName = "AwsDeployment";
    public const string DefaultStackName = "cloudresume";

    /// <summary>The checkout to deploy. Default: the one this program runs from.</summary>
    public string RepositoryRoot { get; init; } = RepositoryLayout.TryLocate(AppContext.BaseDirectory)?.Root
        ?? RepositoryLayout.TryLocate(Directory.GetCurrentDirectory())?.Root ?? Directory.GetCurrentDirectory();

    /// <summary>The CloudFormation template. Default <c>infra/template.yaml</c> of the checkout.</summary>
    public string? Template { get; init; }
    public string StackName { get; init; } = DefaultStackName;

    /// <summary>
    /// null: as the aws CLI resolves it — AWS_REGION, AWS_DEFAULT_REGION, then the profile's region
    /// (<see cref="AwsTarget"/>).
    /// </summary>
    public string? Region { get; init; }
    public string? Profile { get; init; }

    /// <summary>Another AWS endpoint (a local emulator such as moto); null means the CLI's own (AWS, or AWS_ENDPOINT_URL).</summary>
    public string? EndpointUrl { get; init; }
    public string AwsCli { get; init; } = "aws";

    /// <summary>
    /// Extra environment for the aws CLI (a null value removes the variable). Not a command-line
    /// option: tests use it to give the CLI dummy credentials, or none.
    /// </summary>
    public Dictionary<string, string?> AwsEnvironment { get; init; } = [];

    /// <summary>A variable as the aws CLI will see it: <see cref="AwsEnvironment"/> over this process's environment.</summary>
    public string? EnvironmentValue(string name) =>
        AwsEnvironment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    public string? ArtifactBucket { get; init; }
    public bool CreateArtifactBucket { get; init; }

    /// <summary>Use the existing package instead of running <c>dotnet publish</c> first.</summary>
    public bool SkipPublish { get; init; }
    public string Architecture { get; init; } = "x86_64";

    /// <summary>The JSON Resume file index.html is rendered from. Default <c>Site/resume.json</c> of the checkout.</summary>
    public string? Resume { get; init; }

    public string? SiteDomainName { get; init; }
    public string? CertificateArn { get; init; }

    /// <summary>
    /// More template parameters (<c>--parameter Key=Value</c>, or <c>AwsDeployment__Parameters__Key=Value</c>),
    /// e.g. ThrottlingRateLimit=10; each must be declared by the template.
    /// </summary>
    public Dictionary<string, string> Parameters { get; init; } = [];

    public bool DryRun { get; init; }
    public bool SkipInvalidation { get; init; }

    /// <summary>Destroy: also delete the retained table of counts (otherwise it outlives the stack).</summary>
    public bool DeleteData { get; init; }

    /// <summary>
    /// Stand-ins for stack outputs, for endpoints that return none (moto does not): when set they win
    /// over the stack's own outputs. Never needed against AWS.
    /// </summary>
    public string? ApiUrlOverride { get; init; }
    public string? SiteUrlOverride { get; init; }

    /// <summary>The stand-ins by the output they replace, for printing the outputs.</summary>
    public IReadOnlyDictionary<string, string?> StandIns => new Dictionary<string, string?>
    {
        [StackOutputs.ApiUrl] = ApiUrlOverride,
        [StackOutputs.SiteUrl] = SiteUrlOverride,
    };

    public string TemplatePath => Template is { Length: > 0 } template ? Path.GetFullPath(template, RepositoryRoot) : new RepositoryLayout(RepositoryRoot).Template;
    public string SiteDirectory => new RepositoryLayout(RepositoryRoot).SiteRoot;
    public string ResumePath => Resume is { Length: > 0 } resume ? Path.GetFullPath(resume, RepositoryRoot) : new RepositoryLayout(RepositoryRoot).Resume;
    public string FunctionProject => new RepositoryLayout(RepositoryRoot).Project("Counter.Lambda");

    /// <summary>Where the function's publish writes the zip (see Counter.Lambda.csproj).</summary>
    public string FunctionPackage { get; init; } = "";
    public string ResolvedFunctionPackage => FunctionPackage is "" ? new RepositoryLayout(RepositoryRoot).FunctionZip : Path.GetFullPath(FunctionPackage);

    /// <summary>The .NET runtime identifier the Architecture parameter's binary is built for.</summary>
    public string RuntimeIdentifier => Architecture switch
    {
        "x86_64" => "linux-x64",
        "arm64" => "linux-arm64",
        _ => throw new DeployException($"--architecture must be x86_64 or arm64, not '{Architecture}'."),
    };

    public bool HasCustomDomain => !string.IsNullOrEmpty(SiteDomainName);

    /// <summary>Checks what is needed before anything is touched.</summary>
    public void Validate()
    {
        _ = RuntimeIdentifier;
        if (!DryRun && string.IsNullOrEmpty(ArtifactBucket))
        {
            throw new DeployException("--artifact-bucket is required: the bucket CloudFormation reads the function package from.");
        }
        if (HasCustomDomain != !string.IsNullOrEmpty(CertificateArn))
        {
            throw new DeployException("--site-domain and --certificate-arn go together (the certificate must be in us-east-1 for CloudFront).");
        }
        if (!File.Exists(TemplatePath))
        {
            throw new DeployException($"Template not found: {TemplatePath}");
        }
        if (!Directory.Exists(SiteDirectory))
        {
            throw new DeployException($"Site folder not found: {SiteDirectory}");
        }
        try
        {
            // CloudFormation's own checks (declared, allowed values, patterns, bounds) before anything runs.
            CloudFormationTemplate.Load(TemplatePath, new StackContext { Parameters = new Dictionary<string, string>(Parameters) { ["Architecture"] = Architecture } });
        }
        catch (TemplateException e)
        {
            throw new DeployException($"{e.Message} (template parameters: {string.Join(", ", TemplateParameterNames())})");
        }
        // Before anything is uploaded: the page must render from this file.
        _ = SiteUploader.ReadResume(ResumePath);
    }

    private IEnumerable<string> TemplateParameterNames() => CloudFormationTemplate.Load(TemplatePath).Parameters.Keys;
}

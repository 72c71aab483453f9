namespace CloudResume.Deploy;

/// <summary>What one deploy does; every option has a command-line spelling (see <see cref="Usage"/>).</summary>
public sealed record DeployOptions
{
    public const string DefaultStackName = "cloudresume";

    public string RepositoryRoot { get; init; } = FindRepositoryRoot(Directory.GetCurrentDirectory());
    public string StackName { get; init; } = DefaultStackName;
    public string Region { get; init; } =
        Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
    public string? Profile { get; init; }

    /// <summary>Another AWS endpoint (a local emulator such as moto); null means AWS itself.</summary>
    public string? EndpointUrl { get; init; }
    public string AwsCli { get; init; } = "aws";

    /// <summary>
    /// Extra environment for the aws CLI (a null value removes the variable). Not a command-line
    /// option: tests use it to give the CLI dummy credentials, or none.
    /// </summary>
    public IReadOnlyDictionary<string, string?> AwsEnvironment { get; init; } = new Dictionary<string, string?>();

    public string? ArtifactBucket { get; init; }
    public bool CreateArtifactBucket { get; init; }

    /// <summary>Use the existing package instead of running <c>dotnet publish</c> first.</summary>
    public bool SkipPublish { get; init; }
    public string Architecture { get; init; } = "x86_64";

    public string? SiteDomainName { get; init; }
    public string? CertificateArn { get; init; }

    /// <summary>More template parameters (<c>--parameter Key=Value</c>), e.g. ReservedConcurrency=5.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public bool DryRun { get; init; }
    public bool SkipInvalidation { get; init; }

    /// <summary>
    /// Stand-ins for stack outputs, for endpoints that return none (moto does not): when set they win
    /// over the stack's own outputs. Never needed against AWS.
    /// </summary>
    public string? ApiUrlOverride { get; init; }
    public string? SiteUrlOverride { get; init; }

    public string TemplatePath => Path.Combine(RepositoryRoot, "infra", "template.yaml");
    public string SiteDirectory => Path.Combine(RepositoryRoot, "Site", "wwwroot");
    public string FunctionProject => Path.Combine(RepositoryRoot, "Counter.Lambda", "Counter.Lambda.csproj");

    /// <summary>Where the function's publish writes the zip (see Counter.Lambda.csproj).</summary>
    public string FunctionPackage { get; init; } = "";
    public string ResolvedFunctionPackage => FunctionPackage is "" ? Path.Combine(RepositoryRoot, "artifacts", "counter-lambda.zip") : FunctionPackage;

    /// <summary>The .NET runtime identifier the Architecture parameter's binary is built for.</summary>
    public string RuntimeIdentifier => Architecture switch
    {
        "x86_64" => "linux-x64",
        "arm64" => "linux-arm64",
        _ => throw new DeployException($"--architecture must be x86_64 or arm64, not '{Architecture}'."),
    };

    public bool HasCustomDomain => !string.IsNullOrEmpty(SiteDomainName);

    public const string Usage = """
        Deploys CloudResume to AWS (function, stack, site) with the aws CLI's credentials.

        usage: dotnet run --project Deploy -- [options]
          --artifact-bucket NAME     bucket for the function package (required)
          --create-artifact-bucket   create that bucket if it does not exist
          --stack-name NAME          default cloudresume
          --region REGION            default $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1
          --profile NAME             aws CLI profile
          --architecture ARCH        x86_64 (default) or arm64; must match the published binary
          --site-domain NAME         custom domain of the site (needs --certificate-arn)
          --certificate-arn ARN      ACM certificate in us-east-1 for the custom domain
          --parameter KEY=VALUE      another template parameter (repeatable)
          --skip-publish             deploy the existing artifacts/counter-lambda.zip
          --function-package PATH    deploy this zip instead (implies --skip-publish)
          --dry-run                  print the plan; touch nothing
        for endpoints without CloudFront or stack outputs (tests against moto):
          --endpoint-url URL         send every AWS call there
          --api-url URL, --site-url URL   stand-ins for the ApiUrl/SiteUrl outputs
          --skip-invalidation        do not call CloudFront
          --aws-cli PATH             the aws executable (default aws)
          --repository-root DIR      default: the folder holding CloudResume.sln
        """;

    public static DeployOptions Parse(IReadOnlyList<string> args)
    {
        var options = new DeployOptions();
        var parameters = new Dictionary<string, string>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new DeployException($"{name} needs a value.");
            // A flag may be followed by true/false, so configuration can be turned into arguments.
            bool Flag()
            {
                if (i + 1 < args.Count && bool.TryParse(args[i + 1], out var flag))
                {
                    i++;
                    return flag;
                }
                return true;
            }
            options = name switch
            {
                "--artifact-bucket" => options with { ArtifactBucket = Value() },
                "--create-artifact-bucket" => options with { CreateArtifactBucket = Flag() },
                "--stack-name" => options with { StackName = Value() },
                "--region" => options with { Region = Value() },
                "--profile" => options with { Profile = Value() },
                "--architecture" => options with { Architecture = Value() },
                "--site-domain" => options with { SiteDomainName = Value() },
                "--certificate-arn" => options with { CertificateArn = Value() },
                "--skip-publish" => options with { SkipPublish = Flag() },
                "--function-package" => options with { FunctionPackage = Path.GetFullPath(Value()), SkipPublish = true },
                "--dry-run" => options with { DryRun = Flag() },
                "--endpoint-url" => options with { EndpointUrl = Value() },
                "--api-url" => options with { ApiUrlOverride = Value() },
                "--site-url" => options with { SiteUrlOverride = Value() },
                "--skip-invalidation" => options with { SkipInvalidation = Flag() },
                "--aws-cli" => options with { AwsCli = Value() },
                "--repository-root" => options with { RepositoryRoot = Path.GetFullPath(Value()) },
                "--parameter" => AddParameter(options, parameters, Value()),
                _ => throw new DeployException($"Unknown option {name}.\n\n{Usage}"),
            };
        }
        return options with { Parameters = parameters };
    }

    private static DeployOptions AddParameter(DeployOptions options, Dictionary<string, string> parameters, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new DeployException($"--parameter takes KEY=VALUE, not '{pair}'.");
        }
        parameters[pair[..equals]] = pair[(equals + 1)..];
        return options;
    }

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
    }

    internal static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudResume.sln")))
            {
                return dir.FullName;
            }
        }
        // Validate() reports the missing template with this path.
        return start;
    }
}

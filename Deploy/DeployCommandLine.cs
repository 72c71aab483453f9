using System.CommandLine;
using CloudResume.CloudFormation;

namespace CloudResume.Deploy;

/// <summary>
/// <c>dotnet run --project Deploy -- [options]</c> (System.CommandLine): each option sets one
/// <see cref="DeployOptions"/> property; the AppHost's <c>aspire deploy</c> binds the same type from configuration.
/// </summary>
public sealed class DeployCommandLine
{
    private readonly Option<string> _artifactBucket = new("--artifact-bucket") { Description = "Bucket for the function package (required)." };
    private readonly Option<bool> _createArtifactBucket = new("--create-artifact-bucket") { Description = "Create that bucket if it does not exist." };
    private readonly Option<string> _stackName = new("--stack-name") { Description = $"Default {DeployOptions.DefaultStackName}." };
    private readonly Option<string> _region = new("--region") { Description = "Default $AWS_REGION, $AWS_DEFAULT_REGION, else us-east-1." };
    private readonly Option<string> _profile = new("--profile") { Description = "aws CLI profile." };
    private readonly Option<string> _architecture = new("--architecture") { Description = "x86_64 (default) or arm64; must match the published binary." };
    private readonly Option<string> _siteDomain = new("--site-domain") { Description = "Custom domain of the site (needs --certificate-arn)." };
    private readonly Option<string> _certificateArn = new("--certificate-arn") { Description = "ACM certificate in us-east-1 for the custom domain." };
    private readonly Option<string[]> _parameters = new("--parameter") { Description = "Another template parameter, KEY=VALUE (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _skipPublish = new("--skip-publish") { Description = "Deploy the existing artifacts/counter-lambda.zip." };
    private readonly Option<string> _functionPackage = new("--function-package") { Description = "Deploy this zip instead (implies --skip-publish)." };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the plan; touch nothing." };
    private readonly Option<string> _template = new("--template") { Description = "The CloudFormation template. Default infra/template.yaml." };
    private readonly Option<string> _resume = new("--resume") { Description = "The JSON Resume file index.html is rendered from. Default Site/resume.json." };
    private readonly Option<string> _endpointUrl = new("--endpoint-url") { Description = "Send every AWS call there (an emulator such as moto)." };
    private readonly Option<string> _apiUrl = new("--api-url") { Description = "Stand-in for the ApiUrl output (endpoints without stack outputs)." };
    private readonly Option<string> _siteUrl = new("--site-url") { Description = "Stand-in for the SiteUrl output (endpoints without stack outputs)." };
    private readonly Option<bool> _skipInvalidation = new("--skip-invalidation") { Description = "Do not call CloudFront." };
    private readonly Option<string> _awsCli = new("--aws-cli") { Description = "The aws executable. Default aws." };
    private readonly Option<string> _repositoryRoot = new("--repository-root") { Description = "Default: the checkout holding CloudResume.sln." };

    public DeployCommandLine()
    {
        Root = new RootCommand("Deploys CloudResume to AWS (function, stack, site) with the aws CLI's credentials.")
        {
            _artifactBucket, _createArtifactBucket, _stackName, _region, _profile, _architecture, _siteDomain, _certificateArn,
            _parameters, _skipPublish, _functionPackage, _dryRun, _template, _resume, _endpointUrl, _apiUrl, _siteUrl, _skipInvalidation,
            _awsCli, _repositoryRoot,
        };
        _parameters.Validators.Add(result =>
        {
            if (KeyValueText.Problem("--parameter", result.Tokens.Select(t => t.Value)) is { } problem) result.AddError(problem);
        });
    }

    public RootCommand Root { get; }

    /// <summary>The options a command line asks for; <see cref="DeployException"/> with the parser's messages when it is wrong.</summary>
    public static DeployOptions Parse(IReadOnlyList<string> args)
    {
        var commandLine = new DeployCommandLine();
        var parsed = commandLine.Root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            throw new DeployException(string.Join('\n', parsed.Errors.Select(e => e.Message)));
        }
        return commandLine.Options(parsed);
    }

    public DeployOptions Options(ParseResult parsed)
    {
        var options = new DeployOptions();
        var parameters = new Dictionary<string, string>();
        KeyValueText.AddTo(parameters, parsed.GetValue(_parameters) ?? []);
        var package = parsed.GetValue(_functionPackage);
        return options with
        {
            ArtifactBucket = parsed.GetValue(_artifactBucket),
            CreateArtifactBucket = parsed.GetValue(_createArtifactBucket),
            StackName = parsed.GetValue(_stackName) ?? options.StackName,
            Region = parsed.GetValue(_region) ?? options.Region,
            Profile = parsed.GetValue(_profile),
            Architecture = parsed.GetValue(_architecture) ?? options.Architecture,
            SiteDomainName = parsed.GetValue(_siteDomain),
            CertificateArn = parsed.GetValue(_certificateArn),
            Parameters = parameters,
            SkipPublish = parsed.GetValue(_skipPublish) || package is not null,
            FunctionPackage = package is null ? "" : Path.GetFullPath(package),
            DryRun = parsed.GetValue(_dryRun),
            Template = parsed.GetValue(_template) is { } template ? Path.GetFullPath(template) : null,
            Resume = parsed.GetValue(_resume) is { } resume ? Path.GetFullPath(resume) : null,
            EndpointUrl = parsed.GetValue(_endpointUrl),
            ApiUrlOverride = parsed.GetValue(_apiUrl),
            SiteUrlOverride = parsed.GetValue(_siteUrl),
            SkipInvalidation = parsed.GetValue(_skipInvalidation),
            AwsCli = parsed.GetValue(_awsCli) ?? options.AwsCli,
            RepositoryRoot = parsed.GetValue(_repositoryRoot) is { } root ? Path.GetFullPath(root) : options.RepositoryRoot,
        };
    }
}

using System.CommandLine;
using System.CommandLine.Parsing;
using CloudResume.CloudFormation;

namespace CloudResume.Deploy;

/// <summary>
/// <c>dotnet run --project Deploy -- [command] [options]</c> (System.CommandLine): <c>deploy</c> (also without a
/// command), <c>preview</c>, <c>outputs</c>, <c>logs</c>, <c>destroy</c>. Each option sets one
/// <see cref="DeployOptions"/> property; the AppHost's <c>aspire deploy</c> binds the same type from configuration.
/// </summary>
public sealed class DeployCommandLine
{
    // Where the stack is: every command.
    private readonly Option<string> _stackName = Global("--stack-name", $"Default {DeployOptions.DefaultStackName}.");
    private readonly Option<string> _region = Global("--region", "Default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's region (as the aws CLI).");
    private readonly Option<string> _profile = Global("--profile", "aws CLI profile.");
    private readonly Option<string> _endpointUrl = Global("--endpoint-url", "Send every AWS call there (an emulator such as moto).");
    private readonly Option<string> _apiUrl = Global("--api-url", "Stand-in for the ApiUrl output (endpoints without stack outputs).");
    private readonly Option<string> _siteUrl = Global("--site-url", "Stand-in for the SiteUrl output (endpoints without stack outputs).");
    private readonly Option<string> _awsCli = Global("--aws-cli", "The aws executable. Default aws.");
    private readonly Option<string> _repositoryRoot = Global("--repository-root", "Default: the checkout holding CloudResume.sln.");
    private readonly Option<string> _artifactBucket = Global("--artifact-bucket", "Bucket for the function package (required to deploy or preview).");

    // What to deploy: deploy and preview.
    private readonly Option<bool> _createArtifactBucket = new("--create-artifact-bucket") { Description = "Create that bucket if it does not exist." };
    private readonly Option<string> _architecture = new("--architecture") { Description = "x86_64 (default) or arm64; must match the published binary." };
    private readonly Option<string> _siteDomain = new("--site-domain") { Description = "Custom domain of the site (needs --certificate-arn)." };
    private readonly Option<string> _certificateArn = new("--certificate-arn") { Description = "ACM certificate in us-east-1 for the custom domain." };
    private readonly Option<string[]> _parameters = new("--parameter") { Description = "Another template parameter, KEY=VALUE (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _skipPublish = new("--skip-publish") { Description = "Deploy the existing artifacts/counter-lambda.zip." };
    private readonly Option<string> _functionPackage = new("--function-package") { Description = "Deploy this zip instead (implies --skip-publish)." };
    private readonly Option<bool> _dryRun = new("--dry-run") { Description = "Print the plan; touch nothing." };
    private readonly Option<string> _template = new("--template") { Description = "The CloudFormation template. Default infra/template.yaml." };
    private readonly Option<string> _resume = new("--resume") { Description = "The JSON Resume file index.html is rendered from. Default Site/resume.json." };
    private readonly Option<bool> _skipInvalidation = new("--skip-invalidation") { Description = "Do not call CloudFront." };

    private readonly Option<bool> _yes = new("--yes") { Description = "Confirm: destroy deletes the stack, the site's files and the function packages." };
    private readonly Option<bool> _deleteData = new("--delete-data") { Description = "Also delete the table of counts (retained otherwise)." };
    private readonly Option<TimeSpan> _since = new("--since")
    {
        Description = "How far back: 30s, 10m, 2h, 1d. Default 10m.",
        DefaultValueFactory = _ => TimeSpan.FromMinutes(10),
        CustomParser = ParseDuration,
    };
    private readonly Option<bool> _follow = new("--follow") { Description = "Keep printing new events until Ctrl+C." };

    /// <param name="log">Progress and results; default standard output.</param>
    /// <param name="error">Why an operation stopped; default standard error.</param>
    public DeployCommandLine(Action<string>? log = null, Action<string>? error = null)
    {
        var output = log ?? Console.WriteLine;
        var failure = error ?? Console.Error.WriteLine;
        Command Deploying(Command command)
        {
            foreach (var option in new Option[] { _createArtifactBucket, _architecture, _siteDomain, _certificateArn, _parameters, _skipPublish, _functionPackage, _dryRun, _template, _resume, _skipInvalidation })
            {
                command.Options.Add(option);
            }
            return command;
        }

        var deploy = Deploying(new Command("deploy", "Publish, check and upload the function, deploy the stack, sync the site, print the outputs (the default)."));
        var preview = Deploying(new Command("preview", "What a deploy would change: a change set created, described and deleted, never executed."));
        var outputs = new Command("outputs", "The stack's outputs: site and API URLs, bucket, distribution, table, function.");
        var logs = new Command("logs", "The function's and the API's log events.") { _since, _follow };
        var destroy = new Command("destroy", "Empty the buckets, delete the stack and the packages; keep the table of counts unless --delete-data.") { _yes, _deleteData };
        Root = (RootCommand)Deploying(new RootCommand("Deploys CloudResume to AWS (function, stack, site) with the aws CLI's credentials.")
        {
            _stackName, _region, _profile, _endpointUrl, _apiUrl, _siteUrl, _awsCli, _repositoryRoot, _artifactBucket,
            deploy, preview, outputs, logs, destroy,
        });
        _parameters.Validators.Add(result =>
        {
            if (KeyValueText.Problem("--parameter", result.Tokens.Select(t => t.Value)) is { } problem) result.AddError(problem);
        });

        Root.SetAction((parsed, cancel) => Run("deploy", failure, () => AwsDeployment.RunAsync(Options(parsed), output, cancel)));
        deploy.SetAction((parsed, cancel) => Run("deploy", failure, () => AwsDeployment.RunAsync(Options(parsed), output, cancel)));
        preview.SetAction((parsed, cancel) => Run("preview", failure, () => StackPreview.RunAsync(Options(parsed), output, cancel)));
        outputs.SetAction((parsed, cancel) => Run("outputs", failure, () => StackOutputsReport.RunAsync(Options(parsed), output, cancel)));
        logs.SetAction((parsed, cancel) => Run("logs", failure, () => StackLogs.RunAsync(Options(parsed), parsed.GetValue(_since), parsed.GetValue(_follow), output, cancel)));
        destroy.SetAction((parsed, cancel) => Run("destroy", failure, () => StackDestroyer.RunAsync(Options(parsed), parsed.GetValue(_yes), output, cancel)));
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
            Region = parsed.GetValue(_region),
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
            DeleteData = parsed.GetValue(_deleteData),
            AwsCli = parsed.GetValue(_awsCli) ?? options.AwsCli,
            RepositoryRoot = parsed.GetValue(_repositoryRoot) is { } root ? Path.GetFullPath(root) : options.RepositoryRoot,
        };
    }

    /// <summary>Runs one operation: its own message on a <see cref="DeployException"/>, no stack trace; exit 1, 130 when cancelled.</summary>
    private static async Task<int> Run(string name, Action<string> error, Func<Task> operation)
    {
        try
        {
            await operation();
            return 0;
        }
        catch (DeployException e)
        {
            error($"{name} failed: {e.Message}");
            return 1;
        }
        catch (OperationCanceledException)
        {
            error($"{name} cancelled.");
            return 130;
        }
    }

    /// <summary>An option every command takes.</summary>
    private static Option<string> Global(string name, string description) => new(name) { Description = description, Recursive = true };

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        var unit = text.Length > 1 ? text[^1] : ' ';
        if (double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount > 0 && "smhd".Contains(unit))
        {
            return unit switch { 's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount), _ => TimeSpan.FromDays(amount) };
        }
        result.AddError($"--since '{text}' is not a duration such as 30s, 10m, 2h or 1d.");
        return default;
    }
}

using Aspire.Hosting.Pipelines;
using CloudResume.Deploy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Aspire's deployment pipeline is marked experimental in 13.6; it is the documented way to hook `aspire deploy`.
#pragma warning disable ASPIREPIPELINES001

namespace CloudResume.AppHost.Deployment;

/// <summary>
/// `aspire deploy` → the CloudResume AWS deploy (Deploy/AwsDeployment): function package, stack,
/// site, invalidation. Settings come from the "AwsDeployment" configuration section, whose keys are
/// the console's options in PascalCase (ArtifactBucket, CreateArtifactBucket, StackName, Region,
/// Profile, SiteDomain, CertificateArn, Architecture, DryRun, ...), e.g. from user secrets or
/// `AwsDeployment__ArtifactBucket=...` in the environment.
/// </summary>
public static class AwsDeploymentExtensions
{
    public const string StepName = "deploy-aws";

    public static IDistributedApplicationBuilder AddAwsDeployment(this IDistributedApplicationBuilder builder, string templatePath)
    {
        builder.Pipeline.AddStep(StepName, async context =>
        {
            var options = Options(builder.Configuration.GetSection("AwsDeployment"), templatePath);
            var result = await AwsDeployment.RunAsync(options, line => context.Logger.LogInformation("{Line}", line), context.CancellationToken);
            if (result.SiteUrl is not null)
            {
                context.Summary.Add("Site", result.SiteUrl);
            }
            if (result.ApiUrl is not null)
            {
                context.Summary.Add("API", result.ApiUrl);
            }
        }, dependsOn: WellKnownPipelineSteps.DeployPrereq, requiredBy: WellKnownPipelineSteps.Deploy);
        return builder;
    }

    private static DeployOptions Options(IConfigurationSection section, string templatePath)
    {
        // infra/template.yaml sits one folder below the repository root.
        List<string> args = ["--repository-root", Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(templatePath)))!];
        foreach (var setting in section.GetChildren().Where(s => s.Value is not null))
        {
            // ArtifactBucket → --artifact-bucket
            var name = string.Concat(setting.Key.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
            args.AddRange([$"--{name}", setting.Value!]);
        }
        return DeployOptions.Parse(args);
    }
}

using Aspire.Hosting.Pipelines;
using CloudResume.Deploy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

// Aspire's deployment pipeline is marked experimental in 13.6; it is the documented way to hook `aspire deploy`.
#pragma warning disable ASPIREPIPELINES001

namespace CloudResume.AppHost.Deployment;

/// <summary>
/// `aspire deploy` → the CloudResume AWS deploy (Deploy/AwsDeployment): function package, stack, site,
/// invalidation. Its <see cref="DeployOptions"/> are bound from configuration section
/// <see cref="DeployOptions.SectionName"/> (user secrets, or <c>AwsDeployment__ArtifactBucket=...</c> in the
/// environment); the template and the resume file are the AppHost's own unless configured there.
/// </summary>
public static class AwsDeploymentExtensions
{
    public const string StepName = "deploy-aws";

    public static IDistributedApplicationBuilder AddAwsDeployment(this IDistributedApplicationBuilder builder, string templatePath, string resumePath)
    {
        builder.Pipeline.AddStep(StepName, async context =>
        {
            var configured = builder.Configuration.GetSection(DeployOptions.SectionName).Get<DeployOptions>() ?? new DeployOptions();
            var options = configured with { Template = configured.Template ?? templatePath, Resume = configured.Resume ?? resumePath };
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
}

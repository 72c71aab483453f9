using Aspire.Hosting.Pipelines;
using CloudResume.Deploy;

// Aspire's deployment pipeline is marked experimental in 13.6; it is the documented way to hook `aspire deploy`.
#pragma warning disable ASPIREPIPELINES001

namespace CloudResume.AppHost.Deployment;

/// <summary>
/// `aspire deploy` → the CloudResume AWS deploy (Deploy/AwsDeployment): function package, stack, site,
/// invalidation, outputs. `aspire destroy` → Deploy/StackDestroyer: buckets emptied, stack deleted, the table
/// kept unless <c>AwsDeployment__DeleteData=true</c>. Both read <see cref="DeployOptions"/> from configuration
/// section <see cref="DeployOptions.SectionName"/> (<see cref="DeployConfiguration"/>: user secrets, or
/// <c>AwsDeployment__ArtifactBucket=...</c> in the environment); the template and the resume file are the
/// AppHost's own unless configured there.
/// </summary>
public static class AwsDeploymentExtensions
{
    public const string StepName = "deploy-aws";
    public const string DestroyStepName = "destroy-aws";

    public static IDistributedApplicationBuilder AddAwsDeployment(this IDistributedApplicationBuilder builder, string templatePath, string resumePath)
    {
        DeployOptions Options()
        {
            var configured = DeployConfiguration.Bind(builder.Configuration);
            return configured with { Template = configured.Template ?? templatePath, Resume = configured.Resume ?? resumePath };
        }

        builder.Pipeline.AddStep(StepName, async context =>
        {
            var result = await AwsDeployment.RunAsync(Options(), line => context.Logger.LogInformation("{Line}", line), context.CancellationToken);
            if (result.SiteUrl is not null)
            {
                context.Summary.Add("Site", result.SiteUrl);
            }
            if (result.ApiUrl is not null)
            {
                context.Summary.Add("API", result.ApiUrl);
            }
        }, dependsOn: WellKnownPipelineSteps.DeployPrereq, requiredBy: WellKnownPipelineSteps.Deploy);

        // `aspire destroy` has asked for confirmation (or was given --yes) before any step runs.
        builder.Pipeline.AddStep(DestroyStepName, async context =>
        {
            var result = await StackDestroyer.RunAsync(Options(), confirmed: true, line => context.Logger.LogInformation("{Line}", line), context.CancellationToken);
            if (result.KeptTable is not null)
            {
                context.Summary.Add("Kept table", result.KeptTable);
            }
        }, dependsOn: WellKnownPipelineSteps.DestroyPrereq, requiredBy: WellKnownPipelineSteps.Destroy);
        return builder;
    }
}

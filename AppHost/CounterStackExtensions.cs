using CloudResume.CloudFormation;
using CloudResume.Local;

namespace CloudResume.AppHost;

public static class CounterStackExtensions
{
    /// <summary>
    /// Reads <c>infra/template.yaml</c> as the local stack: the site's local origin is the allowed CORS
    /// origin and the table has the locally chosen name. Everything else is as it will be in AWS.
    /// </summary>
    public static CounterStack ReadCounterStack(this IDistributedApplicationBuilder builder, CloudResumeOptions options) =>
        LocalTemplate.Load(options.TemplatePath(builder.AppHostDirectory), options.DynamoDb.TableName, options.SiteOrigin, options.DynamoDb.Region);
}

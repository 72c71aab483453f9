using CloudResume.CloudFormation;
using CloudResume.Local;

namespace CloudResume.AppHost;

public static class CounterStackExtensions
{
    /// <summary>
    /// Reads <c>infra/template.yaml</c> as the local stack: the site's local origin is the allowed CORS
    /// origin (with the traceparent header), the table has the locally chosen name. Everything else is as in AWS.
    /// </summary>
    public static CounterStack ReadCounterStack(this IDistributedApplicationBuilder builder, CloudResumeOptions options) =>
        LocalTemplate.Load(options.TemplatePath(builder.AppHostDirectory), options.DynamoDb.TableName, options.SiteOrigin, options.DynamoDb.Region,
            // The page joins its span to the API's trace locally (it sends a traceparent header).
            new Dictionary<string, string>(options.Parameters) { [CounterStack.AllowTraceContextParameter] = "true" });
}

using CloudResume.CloudFormation;

namespace CloudResume.AppHost;

public static class CounterStackExtensions
{
    /// <summary>
    /// Reads <c>infra/template.yaml</c> as the local stack: the site's local origin is the allowed CORS
    /// origin and the table has the locally chosen name. Everything else is as it will be in AWS.
    /// </summary>
    public static CounterStack AddCounterStack(this IDistributedApplicationBuilder builder, CloudResumeOptions options)
    {
        var stack = CounterStack.Load(options.TemplatePath(builder.AppHostDirectory), LocalStackContext(options));
        builder.Services.AddSingleton(stack);
        return stack;
    }

    public static StackContext LocalStackContext(CloudResumeOptions options) => new()
    {
        Region = options.DynamoDb.Region,
        Parameters = new Dictionary<string, string> { ["SiteOrigin"] = options.SiteOrigin },
        PhysicalIds = new Dictionary<string, string> { ["VisitsTable"] = options.DynamoDb.TableName },
    };
}

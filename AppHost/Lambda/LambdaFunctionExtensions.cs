using CloudResume.AppHost.DynamoDb;
using CloudResume.CloudFormation;
using CloudResume.Local.DynamoDb;
using CloudResume.Local.Repository;

namespace CloudResume.AppHost.Lambda;

public static class LambdaFunctionExtensions
{
    /// <summary>
    /// The function built from <typeparamref name="TProject"/>: its <c>bootstrap</c> executable from the
    /// same build as the AppHost, with Timeout, MemorySize and Environment from the template.
    /// </summary>
    public static IResourceBuilder<LambdaFunctionResource> AddLambdaFunction<TProject>(
        this IDistributedApplicationBuilder builder, string name, FunctionDefinition definition, FunctionOptions options)
        where TProject : IProjectMetadata, new()
    {
        var project = new TProject().ProjectPath;
        var bootstrap = BuildOutput.Current.OutputOf(project, "bootstrap");
        return builder.AddResource(new LambdaFunctionResource(name, definition, bootstrap, options) { ProjectPath = project })
            .WithIconName("Code")
            .WithDashboardState("Lambda function", KnownResourceStates.Waiting,
                ("lambda.name", definition.FunctionName),
                ("lambda.runtime", definition.Runtime),
                ("lambda.handler", definition.Handler),
                ("lambda.memory", $"{definition.MemorySizeMb} MB"),
                ("lambda.timeout", $"{definition.Timeout.TotalSeconds:0.#} s"),
                ("lambda.reservedConcurrency", definition.ReservedConcurrency?.ToString() ?? "unreserved"),
                ("lambda.bootstrap", bootstrap));
    }

    /// <summary>The function reaches the table on the local DynamoDB (its name comes from the template).</summary>
    public static IResourceBuilder<LambdaFunctionResource> WithReference(
        this IResourceBuilder<LambdaFunctionResource> function, IResourceBuilder<DynamoDbTableResource> table)
    {
        var server = table.Resource.Server;
        function.Resource.Tables.Add(table.Resource);
        function.WithRelationship(table.Resource, "Reference");
        function.WithEnvironment("AWS_REGION", server.Region);
        if (server.ServiceUrl is { } serviceUrl)
        {
            function.WithEnvironment("AWS_ENDPOINT_URL_DYNAMODB", serviceUrl);
            function.WithEnvironment("AWS_ACCESS_KEY_ID", LocalCredentials.AccessKeyId);
            function.WithEnvironment("AWS_SECRET_ACCESS_KEY", LocalCredentials.SecretAccessKey);
        }
        return function;
    }
}

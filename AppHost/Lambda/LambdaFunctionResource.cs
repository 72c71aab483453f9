using CloudResume.CloudFormation;

namespace CloudResume.AppHost.Lambda;

/// <summary>
/// A Lambda function as the dashboard shows it: the template's definition and the <c>bootstrap</c>
/// executable that the API emulator starts as execution environments (on demand, one event each).
/// </summary>
public sealed class LambdaFunctionResource(string name, FunctionDefinition definition, string bootstrapPath, FunctionOptions options)
    : Resource(name), IResourceWithEnvironment
{
    public FunctionDefinition Definition { get; } = definition;
    public string BootstrapPath { get; } = bootstrapPath;
    public FunctionOptions Options { get; } = options;

    /// <summary>The environment the function was given (its references'), evaluated for whoever starts it.</summary>
    public async Task<IReadOnlyDictionary<string, object>> EnvironmentAsync(DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(executionContext, cancellationToken: cancellationToken);
        foreach (var callback in Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return context.EnvironmentVariables;
    }

    /// <summary>The project the bootstrap is built from (debug mode runs it as a project resource).</summary>
    public string ProjectPath { get; init; } = "";

    /// <summary>The tables the function was given (<c>WithReference</c>).</summary>
    public List<DynamoDb.DynamoDbTableResource> Tables { get; } = [];
}

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

    /// <summary>The tables the function was given (<c>WithReference</c>).</summary>
    public List<DynamoDb.DynamoDbTableResource> Tables { get; } = [];
}

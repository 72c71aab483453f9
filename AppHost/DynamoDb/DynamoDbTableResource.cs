using CloudResume.CloudFormation;

namespace CloudResume.AppHost.DynamoDb;

/// <summary>A DynamoDB table created from the template's definition on the local server.</summary>
public sealed class DynamoDbTableResource(string name, TableDefinition definition, DynamoDbServer server)
    : Resource(name), IResourceWithParent
{
    public TableDefinition Definition { get; } = definition;
    public DynamoDbServer Server { get; } = server;
    public IResource Parent => Server.Resource.Resource;
    public string TableName => Definition.TableName;
}

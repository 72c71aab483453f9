using Amazon;
using Amazon.DynamoDBv2;
using CloudResume.Local.DynamoDb;

namespace CloudResume.AppHost.DynamoDb;

/// <summary>
/// The DynamoDB the system talks to locally: the dashboard resource that stands for it and the
/// endpoint override the function gets (none when it is AWS itself).
/// </summary>
public sealed record DynamoDbServer(IResourceBuilder<IResource> Resource, ReferenceExpression? ServiceUrl, string Region)
{
    /// <summary>Local servers accept any credentials; AWS gets the developer's default credential chain.</summary>
    public async Task<IAmazonDynamoDB> CreateClientAsync(CancellationToken cancellationToken)
    {
        if (ServiceUrl is null)
        {
            return new AmazonDynamoDBClient(RegionEndpoint.GetBySystemName(Region));
        }
        var url = await ServiceUrl.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"{Resource.Resource.Name} has no endpoint yet.");
        return new AmazonDynamoDBClient(
            LocalCredentials.Basic,
            new AmazonDynamoDBConfig { ServiceURL = url, AuthenticationRegion = Region, MaxErrorRetry = 2 });
    }
}

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.CloudFormation;

namespace CloudResume.Local.DynamoDb;

/// <summary>Creates the template's table when it does not exist yet and waits until it is ACTIVE.</summary>
public static class TableProvisioner
{
    public static async Task EnsureActiveAsync(IAmazonDynamoDB dynamo, TableDefinition table, CancellationToken cancellationToken)
    {
        if (await StatusAsync(dynamo, table.TableName, cancellationToken) is null)
        {
            try
            {
                await dynamo.CreateTableAsync(new CreateTableRequest
                {
                    TableName = table.TableName,
                    BillingMode = BillingMode.FindValue(table.BillingMode),
                    AttributeDefinitions = [.. table.AttributeDefinitions.Select(a => new AttributeDefinition(a.Name, a.Type))],
                    KeySchema = [.. table.KeySchema.Select(k => new KeySchemaElement(k.Name, k.KeyType))],
                }, cancellationToken);
            }
            catch (ResourceInUseException)
            {
                // Created meanwhile by someone else: fine, it only has to exist.
            }
        }
        while (await StatusAsync(dynamo, table.TableName, cancellationToken) != TableStatus.ACTIVE)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }
        if (table.TimeToLiveAttribute is { } ttl)
        {
            await EnableTimeToLiveAsync(dynamo, table.TableName, ttl, cancellationToken);
        }
    }

    public static async Task<TableStatus?> StatusAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynamo.DescribeTableAsync(tableName, cancellationToken)).Table.TableStatus;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task EnableTimeToLiveAsync(IAmazonDynamoDB dynamo, string tableName, string attribute, CancellationToken cancellationToken)
    {
        try
        {
            await SetTimeToLiveAsync(dynamo, tableName, attribute, cancellationToken);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "UnknownOperationException")
        {
            // dynalite has no TTL API: expired salts and visitor markers simply stay in the local table.
        }
    }

    private static async Task SetTimeToLiveAsync(IAmazonDynamoDB dynamo, string tableName, string attribute, CancellationToken cancellationToken)
    {
        var current = await dynamo.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken);
        if (current.TimeToLiveDescription?.AttributeName == attribute)
        {
            return;
        }
        await dynamo.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = tableName,
            TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = true },
        }, cancellationToken);
    }
}

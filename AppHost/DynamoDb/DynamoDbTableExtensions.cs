using CloudResume.CloudFormation;
using CloudResume.Local.DynamoDb;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudResume.AppHost.DynamoDb;

public static class DynamoDbTableExtensions
{
    /// <summary>
    /// The template's table on the local server: created (idempotently) once the server is healthy,
    /// healthy itself while DescribeTable says ACTIVE, so <c>WaitFor(table)</c> orders start-up.
    /// </summary>
    public static IResourceBuilder<DynamoDbTableResource> AddTable(this DynamoDbServer server, string name, TableDefinition definition)
    {
        var builder = server.Resource.ApplicationBuilder;
        var table = new DynamoDbTableResource(name, definition, server);
        var healthCheckKey = $"{name}-active";
        builder.Services.AddHealthChecks().AddAsyncCheck(healthCheckKey, async cancellationToken =>
        {
            try
            {
                using var dynamo = await server.CreateClientAsync(cancellationToken);
                var status = await TableProvisioner.StatusAsync(dynamo, definition.TableName, cancellationToken);
                return status == Amazon.DynamoDBv2.TableStatus.ACTIVE
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"Table {definition.TableName} is {status?.Value ?? "missing"}.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"DynamoDB is not answering: {e.Message}");
            }
        });

        builder.Eventing.Subscribe<InitializeResourceEvent>(table, async (@event, cancellationToken) =>
        {
            var notifications = @event.Notifications;
            await notifications.PublishUpdateAsync(table, s => s with { State = KnownResourceStates.Waiting });
            await notifications.WaitForResourceHealthyAsync(server.Resource.Resource.Name, cancellationToken);
            await notifications.PublishUpdateAsync(table, s => s with { State = KnownResourceStates.Starting });
            try
            {
                using var dynamo = await server.CreateClientAsync(cancellationToken);
                await TableProvisioner.EnsureActiveAsync(dynamo, definition, cancellationToken);
                @event.Logger.LogInformation("Table {Table} is ACTIVE (key {Key}, TTL {Ttl}).",
                    definition.TableName, string.Join(",", definition.KeySchema.Select(k => k.Name)), definition.TimeToLiveAttribute);
                await notifications.PublishUpdateAsync(table, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = DateTime.UtcNow,
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                @event.Logger.LogError(e, "Could not create table {Table}.", definition.TableName);
                await notifications.PublishUpdateAsync(table, s => s with { State = KnownResourceStates.FailedToStart });
            }
        });

        return builder.AddResource(table)
            .WithParentRelationship(server.Resource)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Table")
            .WithDashboardState("DynamoDB table", KnownResourceStates.NotStarted,
                ("table.name", definition.TableName),
                ("table.key", string.Join(", ", definition.KeySchema.Select(k => $"{k.Name} ({k.KeyType})"))),
                ("table.billing", definition.BillingMode),
                ("table.ttl", definition.TimeToLiveAttribute ?? "off"))
            .WithVisitsCommands();
    }
}

using CloudResume.Local.DynamoDb;
using CloudResume.Local.Processes;
using CloudResume.Local.Repository;

namespace CloudResume.AppHost.DynamoDb;

public static class DynamoDbServerExtensions
{
    /// <summary>
    /// DynamoDB for local runs: dynalite from npm by default (installed on first run, data kept in
    /// <c>.dynamodb/</c> unless <c>InMemory</c>), or Docker's amazon/dynamodb-local, an existing
    /// endpoint, or the real AWS service, chosen by <c>CloudResume:DynamoDb:Provider</c>.
    /// </summary>
    public static DynamoDbServer AddDynamoDb(this IDistributedApplicationBuilder builder, string name, DynamoDbOptions options) =>
        options.Provider.ToLowerInvariant() switch
        {
            "dynalite" => builder.AddDynalite(name, options),
            "docker" => builder.AddDynamoDbLocalContainer(name, options),
            "endpoint" when Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) => new DynamoDbServer(
                builder.AddExternalService(name, endpoint).WithHttpHealthCheck("/"),
                ReferenceExpression.Create($"{endpoint.ToString().TrimEnd('/')}"),
                options.Region),
            "endpoint" => throw new DistributedApplicationException(
                $"CloudResume:DynamoDb:Endpoint must be an absolute URL when the provider is 'endpoint' (got '{options.Endpoint}')."),
            "aws" => new DynamoDbServer(
                builder.AddExternalService(name, new Uri($"https://dynamodb.{options.Region}.amazonaws.com/")).WithHttpHealthCheck("/"),
                null,
                options.Region),
            _ => throw new DistributedApplicationException(
                $"Unknown CloudResume:DynamoDb:Provider '{options.Provider}'. Use dynalite, docker, endpoint or aws."),
        };

    private static DynamoDbServer AddDynalite(this IDistributedApplicationBuilder builder, string name, DynamoDbOptions options)
    {
        var repository = RepositoryLayout.Current;
        if (builder.ExecutionContext.IsRunMode)
        {
            // `aspire deploy` reads this model too, and needs no local DynamoDB.
            RequireNode();
        }
        var dynalite = builder.AddExecutable(name, DynaliteCommand.Program, repository.Root, [.. DynaliteCommand.FixedArguments(repository)])
            .WithHttpEndpoint(name: "http")
            .WithIconName("Database");
        var endpoint = dynalite.GetEndpoint("http");
        dynalite.WithArgs(context =>
        {
            context.Args.Add("--port");
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
            if (!options.InMemory)
            {
                var dataPath = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, options.DataPath));
                Directory.CreateDirectory(dataPath);
                context.Args.Add("--path");
                context.Args.Add(dataPath);
            }
        });
        // dynalite answers GET / with 200 "healthy: ..." like the real service once it accepts requests.
        dynalite.WithHttpHealthCheck("/");

        if (!File.Exists(repository.DynaliteCli))
        {
            // First run on a fresh clone: install the pinned npm packages (package-lock.json) before starting.
            var install = builder.AddExecutable($"{name}-install", "npm", repository.Root, "ci", "--no-audit", "--no-fund")
                .WithParentRelationship(dynalite);
            dynalite.WaitForCompletion(install);
        }
        return new DynamoDbServer(dynalite, ReferenceExpression.Create($"{endpoint}"), options.Region);
    }

    private static DynamoDbServer AddDynamoDbLocalContainer(this IDistributedApplicationBuilder builder, string name, DynamoDbOptions options)
    {
        // Opt-in only: needs a running Docker engine, which these machines do not have.
        var container = builder.AddContainer(name, "amazon/dynamodb-local", "2.6.1")
            .WithHttpEndpoint(targetPort: 8000, name: "http")
            .WithArgs(options.InMemory
                ? ["-jar", "DynamoDBLocal.jar", "-sharedDb", "-inMemory"]
                : ["-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "/home/dynamodblocal/data"]);
        if (!options.InMemory)
        {
            container.WithVolume("cloudresume-dynamodb", "/home/dynamodblocal/data");
        }
        // DynamoDB Local answers an unsigned GET / with 400 once it is up.
        container.WithHttpHealthCheck("/", statusCode: 400);
        return new DynamoDbServer(container, ReferenceExpression.Create($"{container.GetEndpoint("http")}"), options.Region);
    }

    private static void RequireNode()
    {
        try
        {
            if (new ProcessStart(DynaliteCommand.Program, ["--version"]).RunAsync().GetAwaiter().GetResult().Succeeded)
            {
                return;
            }
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
        }
        throw new DistributedApplicationException(
            "Node.js is required to run DynamoDB Local (dynalite) but `node` was not found on PATH. " +
            "Install Node.js 20+ (e.g. `apt-get install nodejs npm`), or set CloudResume:DynamoDb:Provider " +
            "to 'endpoint' (with CloudResume:DynamoDb:Endpoint) or 'aws'.");
    }
}

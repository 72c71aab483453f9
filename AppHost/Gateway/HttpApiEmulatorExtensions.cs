using CloudResume.AppHost.Lambda;
using CloudResume.CloudFormation;
using Microsoft.Extensions.Hosting;

namespace CloudResume.AppHost.Gateway;

public static class HttpApiEmulatorExtensions
{
    public const string GatewayEndpoint = "gateway";
    public const string RuntimeEndpoint = "runtime";

    /// <summary>
    /// The API Gateway HTTP API in front of the function, emulated by the Emulator project from the same
    /// template (routes, CORS, throttling, timeout), with the local site origin as the allowed CORS origin.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddHttpApiEmulator<TProject>(
        this IDistributedApplicationBuilder builder, string name, CounterStack stack, CloudResumeOptions options)
        where TProject : IProjectMetadata, new()
    {
        var context = stack.Template.Context;
        var api = builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(name: GatewayEndpoint, port: options.ApiPort, env: "GatewayPort")
            .WithHttpEndpoint(name: RuntimeEndpoint, env: "RuntimePort")
            .WithEnvironment("Template", options.TemplatePath(builder.AppHostDirectory))
            .WithEnvironment("StackName", context.StackName)
            .WithEnvironment("Region", context.Region)
            .WithEnvironment("AccountId", context.AccountId)
            .WithHttpHealthCheck("/health", endpointName: RuntimeEndpoint)
            .WithUrlForEndpoint(GatewayEndpoint, url => url.DisplayText = "HTTP API")
            .WithConsoleUrl(GatewayEndpoint, "HTTP API")
            .WithUrlForEndpoint(RuntimeEndpoint, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);
        foreach (var (parameter, value) in context.Parameters)
        {
            api.WithEnvironment($"Parameters__{parameter}", value);
        }
        foreach (var (logicalId, physicalId) in context.PhysicalIds)
        {
            api.WithEnvironment($"PhysicalIds__{logicalId}", physicalId);
        }
        return api;
    }

    /// <summary>
    /// The gateway runs <paramref name="function"/>'s bootstrap as Lambda execution environments,
    /// giving them the function's environment; their telemetry shows under the function's name.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFunction(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<LambdaFunctionResource> function)
    {
        var resource = function.Resource;
        api.WithRelationship(resource, "Invokes");
        api.WithEnvironment("Function__Command", resource.BootstrapPath);
        api.WithEnvironment("Function__ServiceName", resource.Name);
        api.WithEnvironment(async context =>
        {
            // Evaluate the function's own environment callbacks and hand the results to the emulator.
            var functionContext = new EnvironmentCallbackContext(context.ExecutionContext, cancellationToken: context.CancellationToken);
            foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            {
                await callback.Callback(functionContext);
            }
            foreach (var (key, value) in functionContext.EnvironmentVariables)
            {
                context.EnvironmentVariables[$"Function__Environment__{key}"] = value;
            }
        });

        var builder = api.ApplicationBuilder;
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
        {
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            var loggers = @event.Services.GetRequiredService<ResourceLoggerService>();
            _ = FunctionConsoleLogs.ForwardAsync(loggers, api.Resource, resource, stopping);
            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<ResourceReadyEvent>(api.Resource, async (@event, _) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(resource, s => s with
            {
                State = new ResourceStateSnapshot($"Ready behind {api.Resource.Name}", KnownResourceStateStyles.Success),
                StartTimeStamp = DateTime.UtcNow,
            });
        });
        return api;
    }
}

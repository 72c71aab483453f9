using CloudResume.AppHost.DynamoDb;
using CloudResume.AppHost.Lambda;
using CloudResume.AppHost.Startup;
using CloudResume.CloudFormation;
using CloudResume.Contracts.LocalSystem;
using CloudResume.Local.Configuration;
using Microsoft.Extensions.Hosting;

namespace CloudResume.AppHost.Gateway;

public static class HttpApiEmulatorExtensions
{
    public const string GatewayEndpoint = "gateway";
    public const string RuntimeEndpoint = "runtime";

    /// <summary>
    /// The API Gateway HTTP API in front of the function, emulated by the Emulator project from the same
    /// template (routes, CORS, throttling, timeout), with the local site origin as the allowed CORS origin.
    /// The emulator gets its <see cref="EmulatorSettings"/> as configuration; the ports Aspire picks join them.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddHttpApiEmulator<TProject>(
        this IDistributedApplicationBuilder builder, string name, CounterStack stack, CloudResumeOptions options)
        where TProject : IProjectMetadata, new()
    {
        var context = stack.Template.Context;
        var settings = new EmulatorSettings
        {
            Template = options.TemplatePath(builder.AppHostDirectory),
            Stack = new EmulatedStackSettings
            {
                StackName = context.StackName,
                Region = context.Region,
                AccountId = context.AccountId,
                Parameters = new(context.Parameters),
                PhysicalIds = new(context.PhysicalIds),
            },
        };
        return builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(name: GatewayEndpoint, port: options.ApiPort, env: EmulatorSettings.EnvironmentVariable(nameof(EmulatorSettings.GatewayPort)))
            .WithHttpEndpoint(name: RuntimeEndpoint, env: EmulatorSettings.EnvironmentVariable(nameof(EmulatorSettings.RuntimePort)))
            .WithEmulatorSettings(settings)
            .WithHttpHealthCheck("/health", endpointName: RuntimeEndpoint)
            .WithUrlForEndpoint(GatewayEndpoint, url => url.DisplayText = "HTTP API")
            .WithConsoleUrl(GatewayEndpoint, "HTTP API")
            .WithUrlForEndpoint(RuntimeEndpoint, url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);
    }

    /// <summary>
    /// The gateway runs <paramref name="function"/>'s bootstrap as Lambda execution environments, giving them
    /// the function's environment; their output shows on the function's resource, their telemetry under its name.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithFunction(
        this IResourceBuilder<ProjectResource> api, IResourceBuilder<LambdaFunctionResource> function)
    {
        var resource = function.Resource;
        api.WithRelationship(resource, "Invokes");
        var debug = resource.Options.Debug;
        api.WithEmulatorSettings(new EmulatorSettings
        {
            // In debug mode there is no command: the function's project polls the Runtime API itself, as an external runtime.
            Function = new EmulatedFunctionSettings { Command = debug ? null : resource.BootstrapPath, ServiceName = resource.Name, LogsToConsole = false },
        }, only: nameof(EmulatorSettings.Function));
        api.WithEnvironment(async context =>
        {
            foreach (var (key, value) in await resource.EnvironmentAsync(context.ExecutionContext, context.CancellationToken))
            {
                context.EnvironmentVariables[EmulatorSettings.EnvironmentVariable(nameof(EmulatorSettings.Function), nameof(EmulatedFunctionSettings.Environment), key)] = value;
            }
        });
        if (debug)
        {
            function.AddDebuggableRuntime(api.GetEndpoint(RuntimeEndpoint));
        }

        var control = new EmulatorControl(api.GetEndpoint(RuntimeEndpoint));
        // Environments cache the day's salt and the visitors they saw: a reset of the function's tables must not meet stale caches.
        foreach (var table in resource.Tables)
        {
            table.Annotations.Add(new AfterResetAnnotation(cancellationToken => control.RecycleAsync(null, cancellationToken)));
        }
        if (!debug)
        {
            function.WithRebuildCommand(control);
        }

        var builder = api.ApplicationBuilder;
        var following = 0;
        builder.Eventing.Subscribe<ResourceReadyEvent>(api.Resource, async (@event, cancellationToken) =>
        {
            var services = @event.Services;
            // One follower for the AppHost's lifetime: it reconnects by itself when the emulator restarts.
            if (Interlocked.Exchange(ref following, 1) == 0)
            {
                var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                _ = control.FollowFunctionLogsAsync(services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), stopping);
            }
            await services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource, s => s with
            {
                State = new ResourceStateSnapshot($"Ready behind {api.Resource.Name}", KnownResourceStateStyles.Success),
                StartTimeStamp = DateTime.UtcNow,
            });
        });
        return api;
    }

    /// <summary>
    /// Hands <paramref name="settings"/> to the emulator as <c>Emulator__*</c> variables (all, or one top-level
    /// property); values Aspire already set (the endpoints' ports) win.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithEmulatorSettings(this IResourceBuilder<ProjectResource> api, EmulatorSettings settings, string? only = null) =>
        api.WithEnvironment(context =>
        {
            var prefix = only is null ? null : EmulatorSettings.EnvironmentVariable(only) + "__";
            foreach (var (name, value) in ConfigurationKeys.ToEnvironment(settings, EmulatorSettings.SectionName))
            {
                if ((prefix is null || name.StartsWith(prefix, StringComparison.Ordinal)) && !context.EnvironmentVariables.ContainsKey(name))
                {
                    context.EnvironmentVariables[name] = value ?? "";
                }
            }
        });
}

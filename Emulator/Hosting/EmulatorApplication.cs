using System.CommandLine;
using CloudResume.CloudFormation;
using CloudResume.Contracts.RuntimeApi;
using CloudResume.Emulator.Gateway;
using CloudResume.Emulator.InvokeApi;
using CloudResume.Emulator.Runtime;
using CloudResume.Emulator.Telemetry;
using CloudResume.Contracts.LocalSystem;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CloudResume.Emulator.Hosting;

/// <summary>
/// The emulator put together: settings (configuration, then the command line), the template's stack, Kestrel's
/// ports, the services, and the three APIs — the HTTP API on the gateway port, the Runtime API and the Invoke
/// API on the runtime port (and one loopback port per managed execution environment).
/// </summary>
public static class EmulatorApplication
{
    public static async Task<int> RunAsync(ParseResult parsed, EmulatorCommandLine commandLine, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var settings = builder.Configuration.GetSection(EmulatorSettings.SectionName).Get<EmulatorSettings>() ?? new EmulatorSettings();
        commandLine.ApplyTo(parsed, settings);

        CounterStack stack;
        IPAddress bindAddress;
        try
        {
            bindAddress = IPAddress.TryParse(settings.BindAddress, out var address)
                ? address : throw new TemplateException($"--bind-address '{settings.BindAddress}' is not an IP address.");
            stack = CounterStack.Load(Path.GetFullPath(settings.Template), new StackContext
            {
                StackName = settings.Stack.StackName,
                Region = settings.Stack.Region,
                AccountId = settings.Stack.AccountId,
                Parameters = settings.Stack.Parameters,
                PhysicalIds = settings.Stack.PhysicalIds,
            });
        }
        catch (TemplateException e)
        {
            await Console.Error.WriteLineAsync($"emulator: {e.Message}");
            return 2;
        }

        var app = Build(builder, settings, stack, bindAddress);
        var endpoints = app.Services.GetRequiredService<EmulatorEndpoints>();
        var dispatchers = app.Services.GetRequiredService<RuntimeDispatchers>();
        app.Lifetime.ApplicationStopping.Register(() => dispatchers.Pool?.Dispose());
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"emulator: cannot listen: {e.Message}");
            return 1;
        }
        endpoints.Resolve();
        dispatchers.Pool?.AddSlotPorts(endpoints.SlotPorts);

        var function = app.Services.GetRequiredService<EmulatedFunction>();
        app.Logger.LogInformation(
            "HTTP API on http://{Bind}:{GatewayPort} ({Routes}); Runtime API and Invoke API on {Bind}:{RuntimePort}; function {Function} ({Mode}, concurrency {Concurrency}, timeout {Timeout}s)",
            bindAddress, endpoints.GatewayPort, string.Join(", ", stack.Api.Routes.Select(r => r.RouteKey)),
            bindAddress, endpoints.RuntimePort, function.Name,
            dispatchers.Pool is null ? "external runtimes poll the runtime port" : $"managed: {settings.Function.Command}",
            function.Concurrency, function.Timeout.TotalSeconds);

        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static WebApplication Build(WebApplicationBuilder builder, EmulatorSettings settings, CounterStack stack, IPAddress bindAddress)
    {
        var function = EmulatedFunction.From(stack, settings.Function);
        var managed = settings.Function.Command is not null;
        var endpoints = new EmulatorEndpoints();
        builder.WebHost.ConfigureKestrel(kestrel => endpoints.Configure(kestrel, settings, bindAddress, managed ? function.Concurrency : 0));

        // One record per line: the function's JSON log lines stay one line each on the console.
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.AddServiceDefaults();
        // The Runtime API's long-polls and posts are the Lambda service's plumbing, not requests of their own:
        // a visit's trace runs gateway → invoke → function → DynamoDB.
        builder.ExcludeFromTraces($"/{RuntimeApiProtocol.Version}/runtime", EmulatorPaths.FunctionLogs);
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(EmulatorTelemetry.Name))
            .WithMetrics(metrics => metrics.AddMeter(EmulatorTelemetry.Name));

        var services = builder.Services;
        services.AddSingleton(stack.Api);
        services.AddSingleton(function);
        services.AddSingleton(endpoints);
        services.AddSingleton<EmulatorTelemetry>();
        services.AddSingleton<InvocationRegistry>();
        services.AddSingleton<FunctionMetrics>();
        services.AddSingleton<FunctionLogs>();
        services.AddSingleton(sp => new RuntimeDispatchers(
            managed ? ActivatorUtilities.CreateInstance<EnvironmentPool>(sp) : null,
            managed ? null : new InvocationQueue(function.Concurrency)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FunctionInvoker>(sp, sp.GetRequiredService<RuntimeDispatchers>().Active));
        services.AddSingleton(new HttpApiEventBuilder(settings.Stack.AccountId, stack.Template.PhysicalId(stack.Api.LogicalId).ToLowerInvariant()));
        services.AddSingleton<HttpApiGateway>();
        services.AddSingleton(TimeProvider.System);
        services.AddHostedService<IdleMemoryTrimmer>();

        var app = builder.Build();
        var gateway = app.Services.GetRequiredService<HttpApiGateway>();
        // The gateway port is API Gateway and nothing else: no /health there (a real HTTP API answers 404).
        app.MapWhen(context => context.Connection.LocalPort == endpoints.GatewayPort, branch => branch.Run(gateway.HandleAsync));
        app.UseRouting();
        app.MapDefaultEndpoints();
        app.MapRuntimeApi();
        app.MapInvokeApi();
        app.MapEmulatorControl();
        return app;
    }
}

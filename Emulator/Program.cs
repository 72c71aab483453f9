using CloudResume.CloudFormation;
using CloudResume.Emulator.Gateway;
using CloudResume.Emulator.Hosting;
using CloudResume.Emulator.Lambda;
using CloudResume.Emulator.Runtime;
using CloudResume.Emulator.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Local API Gateway HTTP API (payload 2.0) + Lambda Runtime API, configured from infra/template.yaml:
//   dotnet run --project Emulator -- --template infra/template.yaml --gateway-port 8000 --runtime-port 9001
WebApplicationBuilder builder;
EmulatorOptions options;
CounterStack stack;
try
{
    var normalized = CommandLine.Normalize(args);
    builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = normalized });
    builder.Configuration.AddCommandLine(normalized, CommandLine.SwitchMappings.ToDictionary());
    options = EmulatorOptions.From(builder.Configuration);
    stack = CounterStack.Load(options.TemplatePath, new StackContext
    {
        StackName = options.StackName,
        Region = options.Region,
        AccountId = options.AccountId,
        Parameters = options.Parameters,
        PhysicalIds = options.PhysicalIds,
    });
}
catch (Exception e) when (e is TemplateException or ArgumentException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine($"emulator: {e.Message}");
    return 2;
}

var function = FunctionSettings.From(stack, options);
var managed = options.FunctionCommand is not null;
var endpoints = new EmulatorEndpoints();
builder.WebHost.ConfigureKestrel(kestrel => endpoints.Configure(kestrel, options, managed ? function.Concurrency : 0));

// One line per record: the function's own JSON log lines stay one line each (the AppHost relies on it).
builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
builder.AddServiceDefaults();
builder.Services.AddOpenTelemetry()
    .WithTracing(tracing => tracing.AddSource(EmulatorTelemetry.Name))
    .WithMetrics(metrics => metrics.AddMeter(EmulatorTelemetry.Name));

var services = builder.Services;
services.AddSingleton(options);
services.AddSingleton(stack.Api);
services.AddSingleton(function);
services.AddSingleton(endpoints);
services.AddSingleton<EmulatorTelemetry>();
services.AddSingleton<InvocationRegistry>();
services.AddSingleton(sp => new RuntimeDispatchers(
    managed ? new EnvironmentPool(function, sp.GetRequiredService<ILoggerFactory>()) : null,
    managed ? null : new InvocationQueue(function.Concurrency)));
services.AddSingleton(sp => ActivatorUtilities.CreateInstance<FunctionInvoker>(sp, sp.GetRequiredService<RuntimeDispatchers>().Active));
services.AddSingleton(new HttpApiEventBuilder(options.AccountId, stack.Template.PhysicalId(stack.Api.LogicalId).ToLowerInvariant()));
services.AddSingleton<HttpApiGateway>();

var app = builder.Build();
var gateway = app.Services.GetRequiredService<HttpApiGateway>();
// The gateway port is API Gateway and nothing else: no /health there (a real HTTP API answers 404).
app.MapWhen(context => context.Connection.LocalPort == endpoints.GatewayPort, branch => branch.Run(gateway.HandleAsync));
app.UseRouting();
app.MapDefaultEndpoints();
app.MapRuntimeApi();
app.MapInvokeApi();

var dispatchers = app.Services.GetRequiredService<RuntimeDispatchers>();
app.Lifetime.ApplicationStopping.Register(() => dispatchers.Pool?.Dispose());
try
{
    await app.StartAsync();
}
catch (IOException e)
{
    Console.Error.WriteLine($"emulator: cannot listen: {e.Message}");
    return 1;
}
endpoints.Resolve();
dispatchers.Pool?.AddSlotPorts(endpoints.SlotPorts);

app.Logger.LogInformation(
    "HTTP API on http://{Bind}:{GatewayPort} ({Routes}); Runtime API and Invoke API on {Bind}:{RuntimePort}; function {Function} ({Mode}, concurrency {Concurrency}, timeout {Timeout}s)",
    options.BindAddress, endpoints.GatewayPort, string.Join(", ", stack.Api.Routes.Select(r => r.RouteKey)),
    options.BindAddress, endpoints.RuntimePort, function.Name,
    managed ? $"managed: {options.FunctionCommand}" : "external runtimes poll the runtime port", function.Concurrency, function.Timeout.TotalSeconds);

await app.WaitForShutdownAsync();
return 0;

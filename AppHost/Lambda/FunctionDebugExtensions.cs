namespace CloudResume.AppHost.Lambda;

public static class FunctionDebugExtensions
{
    /// <summary>
    /// Debug mode (<c>CloudResume:Function:Debug=true</c>): the function's project runs as an ordinary Aspire project
    /// resource, <c>{name}-runtime</c>, that long-polls the emulator's Runtime API as an external runtime — so Visual
    /// Studio, VS Code and Rider start or attach to it like any project and its breakpoints work. One environment, on
    /// the JIT; the emulator still applies the template's timeout and answers for it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDebuggableRuntime(this IResourceBuilder<LambdaFunctionResource> function, EndpointReference runtimeApi)
    {
        var resource = function.Resource;
        var definition = resource.Definition;
        var runtime = function.ApplicationBuilder.AddProject($"{resource.Name}-runtime", resource.ProjectPath, launchProfileName: null)
            .WithParentRelationship(resource)
            .WithEnvironment("AWS_LAMBDA_RUNTIME_API", ReferenceExpression.Create($"{runtimeApi.Property(EndpointProperty.HostAndPort)}"))
            .WithEnvironment("AWS_LAMBDA_FUNCTION_NAME", definition.FunctionName)
            .WithEnvironment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", definition.MemorySizeMb.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
            // Its telemetry shows under the function's name, as the managed environments' does.
            .WithEnvironment("OTEL_SERVICE_NAME", resource.Name)
            .WithEnvironment(async context =>
            {
                foreach (var (key, value) in definition.Environment)
                {
                    context.EnvironmentVariables[key] = value;
                }
                foreach (var (key, value) in await resource.EnvironmentAsync(context.ExecutionContext, context.CancellationToken))
                {
                    context.EnvironmentVariables[key] = value;
                }
            });
        return runtime;
    }
}

namespace CloudResume.AppHost.Startup;

public static class ConsoleUrlExtensions
{
    /// <summary>The endpoint's URL goes into the AppHost's one "ready" line (<see cref="StartupReport"/>).</summary>
    public static IResourceBuilder<T> WithConsoleUrl<T>(this IResourceBuilder<T> resource, string endpointName, string label)
        where T : IResourceWithEndpoints =>
        resource.WithAnnotation(new ConsoleUrlAnnotation(resource.GetEndpoint(endpointName), label));
}

/// <summary>An endpoint a developer goes to, printed once everything is ready.</summary>
public sealed record ConsoleUrlAnnotation(EndpointReference Endpoint, string Label) : IResourceAnnotation;

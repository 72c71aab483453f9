namespace CloudResume.AppHost;

public static class ConsoleUrlExtensions
{
    /// <summary>
    /// Prints the endpoint's URL on the AppHost's console once the resource is ready, beside the
    /// dashboard's: a developer running <c>dotnet run --project AppHost</c> sees where to go.
    /// </summary>
    public static IResourceBuilder<T> WithConsoleUrl<T>(this IResourceBuilder<T> resource, string endpointName, string label)
        where T : IResourceWithEndpoints
    {
        resource.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(resource.Resource, async (@event, cancellationToken) =>
        {
            var url = await resource.GetEndpoint(endpointName).GetValueAsync(cancellationToken);
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudResume")
                .LogInformation("{Label}: {Url}", label, url);
        });
        return resource;
    }
}

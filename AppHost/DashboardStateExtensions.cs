namespace CloudResume.AppHost;

public static class DashboardStateExtensions
{
    /// <summary>
    /// How a resource Aspire does not run itself first appears on the dashboard: its kind, its state and what it
    /// is made of (names, sizes and limits from the template), before its own events update the state.
    /// </summary>
    public static IResourceBuilder<T> WithDashboardState<T>(
        this IResourceBuilder<T> builder, string resourceType, string state, params (string Name, object? Value)[] properties)
        where T : IResource =>
        builder.WithInitialState(new CustomResourceSnapshot
        {
            ResourceType = resourceType,
            State = state,
            Properties = [.. properties.Select(property => new ResourcePropertySnapshot(property.Name, property.Value))],
        });
}

using Microsoft.Extensions.Hosting;

namespace CloudResume.AppHost.Startup;

public static class StartupReport
{
    /// <summary>
    /// What a developer running <c>dotnet run --project AppHost</c> sees: the dashboard's login URL at once, a line
    /// per resource as it comes up or fails (so a first run's npm install or a slow start is never silent), and one
    /// "ready" line with every address once the resources that have one are healthy.
    /// </summary>
    public static IDistributedApplicationBuilder ReportStartup(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode)
        {
            return builder;
        }
        var dashboard = DashboardLoginUrl(builder);
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
        {
            var services = @event.Services;
            var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudResume");
            if (dashboard is not null)
            {
                log.LogInformation("Dashboard: {Url}", dashboard);
            }
            var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = FollowAsync(@event.Model, services.GetRequiredService<ResourceNotificationService>(), log, dashboard, stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static async Task FollowAsync(DistributedApplicationModel model, ResourceNotificationService notifications, ILogger log, string? dashboard, CancellationToken stopping)
    {
        var withUrls = model.Resources.Where(r => r.Annotations.OfType<ConsoleUrlAnnotation>().Any()).Select(r => r.Name).ToHashSet();
        var healthy = new HashSet<string>();
        var said = new Dictionary<string, string>();
        var ready = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                var name = update.Resource.Name;
                var state = update.Snapshot.State?.Text ?? "";
                var health = update.Snapshot.HealthStatus?.ToString() ?? "";
                var summary = state != KnownResourceStates.Running || health.Length == 0 ? state
                    : healthy.Contains(name) || health == "Healthy" ? $"{state} ({health})" : $"{state} (starting)";
                if (summary.Length > 0 && said.GetValueOrDefault(name) != summary && IsWorthSaying(state))
                {
                    said[name] = summary;
                    log.LogInformation("{Resource}: {State}", name, summary);
                }
                if (update.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    healthy.Add(name);
                }
                if (!ready && withUrls.IsSubsetOf(healthy))
                {
                    ready = true;
                    log.LogInformation("CloudResume is ready: {Urls}", await UrlsAsync(model, dashboard, stopping));
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static bool IsWorthSaying(string state) =>
        state == KnownResourceStates.Running || state == KnownResourceStates.FailedToStart || state == KnownResourceStates.Finished
        || state == KnownResourceStates.Exited || state.StartsWith("Ready", StringComparison.Ordinal);

    private static async Task<string> UrlsAsync(DistributedApplicationModel model, string? dashboard, CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var url in model.Resources.SelectMany(r => r.Annotations.OfType<ConsoleUrlAnnotation>()))
        {
            parts.Add($"{url.Label} {await url.Endpoint.GetValueAsync(cancellationToken)}");
        }
        if (dashboard is not null)
        {
            parts.Add($"dashboard {dashboard}");
        }
        return string.Join(" · ", parts);
    }

    // The dashboard's address comes from the launch profile; Aspire generates the browser token when none is set.
    private static string? DashboardLoginUrl(IDistributedApplicationBuilder builder)
    {
        var first = (builder.Configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var token = builder.Configuration["AppHost:BrowserToken"];
        return first is null ? null : token is null ? first : $"{first.TrimEnd('/')}/login?t={token}";
    }
}

using CloudResume.AppHost.Gateway;
using CloudResume.AppHost.Startup;
using CloudResume.Contracts.LocalSystem;
using CloudResume.Local.Processes;
using CloudResume.Resume;

namespace CloudResume.AppHost.Site;

public static class SiteExtensions
{
    /// <summary>The resume site on its stable local port; its config.json points at the API.</summary>
    public static IResourceBuilder<ProjectResource> AddResumeSite<TProject>(
        this IDistributedApplicationBuilder builder, string name, CloudResumeOptions options)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject<TProject>(name)
            .WithEndpoint("http", endpoint => endpoint.Port = options.SitePort)
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Resume site")
            .WithConsoleUrl("http", "Resume site")
            .WithOpenCommand();

    /// <summary>
    /// The page comes from this JSON Resume file, re-rendered by the site on every save. The AppHost checks the file too,
    /// so a problem shows on the <c>site</c> resource (unhealthy, the health report naming each field) and in the console
    /// at start, while everything else keeps running.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithResume(this IResourceBuilder<ProjectResource> site, string resumePath)
    {
        var check = $"{site.Resource.Name}-resume";
        site.ApplicationBuilder.Services.AddHealthChecks().AddCheck(check, new ResumeFileHealthCheck(resumePath));
        site.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            if (ResumeFile.Read(resumePath) is { IsValid: false } file)
            {
                @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CloudResume").LogError(
                    "site: {Problems}\nThe site shows these problems until the file is fixed; the rest of the system runs.",
                    InvalidResumeException.Describe(resumePath, file.Problems));
            }
            return Task.CompletedTask;
        });
        return site.WithEnvironment(SiteSettings.EnvironmentVariable(nameof(SiteSettings.ResumePath)), resumePath)
            .WithHealthCheck(check);
    }

    /// <summary>
    /// Served as the site's <c>config.json</c>: the page's script never hard-codes the API. Where the dashboard has an
    /// OTLP/HTTP endpoint (the launch profile's), the page also gets it, to send its own span of each visit.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithApiUrl(this IResourceBuilder<ProjectResource> site, IResourceBuilder<ProjectResource> api)
    {
        site.WithEnvironment(SiteSettings.EnvironmentVariable(nameof(SiteSettings.ApiUrl)), api.GetEndpoint(HttpApiEmulatorExtensions.GatewayEndpoint))
            .WithRelationship(api.Resource, "Calls");
        if (site.ApplicationBuilder.Configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] is { Length: > 0 } otlpHttp)
        {
            site.WithEnvironment(SiteSettings.EnvironmentVariable(nameof(SiteSettings.BrowserTelemetryEndpoint)), otlpHttp);
        }
        return site;
    }

    private static IResourceBuilder<ProjectResource> WithOpenCommand(this IResourceBuilder<ProjectResource> site) =>
        site.WithCommand("open-site", "Open site", async context =>
        {
            var url = await site.GetEndpoint("http").GetValueAsync(context.CancellationToken);
            var opener = OperatingSystem.IsMacOS() ? "open" : OperatingSystem.IsWindows() ? "explorer" : "xdg-open";
            try
            {
                await new ProcessStart(opener, [url!]).RunAsync(context.CancellationToken);
                return CommandResults.Success($"Opened {url}");
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                return CommandResults.Failure($"No browser opener ({opener}) on this machine: open {url} yourself.");
            }
        }, new CommandOptions
        {
            Description = "Open the resume site in the default browser.",
            IconName = "Open",
            IsHighlighted = true,
            UpdateState = context => context.ResourceSnapshot.State?.Text == KnownResourceStates.Running
                ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every ASP.NET Core process of CloudResume shares: OpenTelemetry to the dashboard,
/// health endpoints for Aspire's WaitFor, resilient HttpClients.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>
    /// Requests under these paths make no trace of their own (besides the health probes): plumbing such as a
    /// Runtime API long-poll would otherwise root a trace per call and drown the ones a developer looks for.
    /// </summary>
    public static TBuilder ExcludeFromTraces<TBuilder>(this TBuilder builder, params string[] pathPrefixes) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new UntracedPaths([.. pathPrefixes.Select(p => new PathString(p))]));
        return builder;
    }

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var untraced = new List<PathString> { HealthPath, AlivePath };
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                // Health probes every few seconds (and the paths a service excludes) would drown the traces a developer looks for.
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    aspnet.Filter = context =>
                    {
                        var excluded = context.RequestServices.GetServices<UntracedPaths>().SelectMany(u => u.Prefixes).Concat(untraced);
                        return !excluded.Any(prefix => context.Request.Path.StartsWithSegments(prefix));
                    };
                    // A trace keeps nothing that identifies a visitor: no user agent, no address (docs/privacy.md).
                    aspnet.EnrichWithHttpRequest = (activity, _) =>
                    {
                        activity.SetTag("user_agent.original", null);
                        activity.SetTag("client.address", null);
                        activity.SetTag("network.peer.address", null);
                    };
                })
                .AddHttpClientInstrumentation());

        // Aspire sets the endpoint for each resource; without it (plain `dotnet run`) nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Path prefixes a service keeps out of its traces (<see cref="ExcludeFromTraces"/>).</summary>
    public sealed record UntracedPaths(IReadOnlyList<PathString> Prefixes);

    /// <summary>Maps /health (all checks: ready to serve) and /alive (liveness only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath);
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        return app;
    }
}

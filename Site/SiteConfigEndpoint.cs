using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.LocalSystem;
using CloudResume.Contracts.Site;

namespace CloudResume.Site;

/// <summary>
/// GET /config.json: tells the page where the counter API is, so no URL is baked into the
/// static files (in AWS the deployment writes the same file next to index.html).
/// </summary>
internal static class SiteConfigEndpoint
{
    public static IEndpointRouteBuilder MapSiteConfig(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/config.json", (IConfiguration configuration, HttpResponse response) =>
        {
            // The API URL can change between runs (Aspire assigns ports), so never cache it.
            response.Headers.CacheControl = CacheControlPolicy.NoCache;

            var apiUrl = SiteConfiguration.ApiUrl(configuration);
            if (apiUrl is null)
            {
                return Results.Json(
                    new MessageBody($"{SiteSettings.SectionName}:{nameof(SiteSettings.ApiUrl)} is not configured"),
                    SiteJsonContext.Default.MessageBody,
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            // Trailing slashes are trimmed so the page can append "/visits" to any base path.
            var config = new SiteConfig(apiUrl.AbsoluteUri.TrimEnd('/'), SiteConfiguration.BrowserTelemetry(configuration));
            return Results.Json(config, SiteJsonContext.Default.SiteConfig);
        });
        return endpoints;
    }
}

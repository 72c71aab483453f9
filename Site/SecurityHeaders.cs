namespace CloudResume.Site;

/// <summary>
/// The response headers CloudFront's response headers policy sets in AWS, so the page is
/// tested locally under the same rules (notably: no inline script or style).
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.ContentSecurityPolicy = BuildPolicy(SiteConfiguration.ApiOrigin(configuration), SiteConfiguration.BrowserTelemetryOrigin(configuration));
            return next(context);
        });
    }

    /// <summary>
    /// Everything from this origin only; the page may additionally call the counter API (and, locally, send its span
    /// to the dashboard). 'self' stays in connect-src because the page fetches config.json from its own origin.
    /// </summary>
    internal static string BuildPolicy(string? apiOrigin, string? telemetryOrigin = null)
    {
        var connect = string.Join(' ', new[] { "'self'", apiOrigin, telemetryOrigin }.Where(source => source is not null));
        return string.Join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self'",
            $"connect-src {connect}",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");
    }
}

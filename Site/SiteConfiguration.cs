using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Site;

/// <summary>Reads the site's <see cref="SiteSettings"/> (the AppHost sets them), on each call so configuration reloads need no restart.</summary>
internal static class SiteConfiguration
{
    /// <summary>The configured API URL, or null when it is unset or not an absolute http(s) URL.</summary>
    public static Uri? ApiUrl(IConfiguration configuration) => HttpUrl(Settings(configuration)?.ApiUrl);

    /// <summary>The API's origin (scheme, host and port), the form a CSP source expects.</summary>
    public static string? ApiOrigin(IConfiguration configuration) => ApiUrl(configuration)?.GetLeftPart(UriPartial.Authority);

    /// <summary>
    /// Where the page sends its span, with the headers this process itself exports with (Aspire gives it the dashboard's
    /// OTLP key in OTEL_EXPORTER_OTLP_HEADERS) and its service name; null unless the AppHost configured an endpoint.
    /// </summary>
    public static BrowserTelemetry? BrowserTelemetry(IConfiguration configuration)
    {
        if (HttpUrl(Settings(configuration)?.BrowserTelemetryEndpoint) is not { } endpoint)
        {
            return null;
        }
        var headers = (configuration["OTEL_EXPORTER_OTLP_HEADERS"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return new BrowserTelemetry(endpoint.AbsoluteUri.TrimEnd('/'), headers, configuration["OTEL_SERVICE_NAME"] ?? "site");
    }

    /// <summary>The telemetry endpoint's origin for the CSP; null when the page sends none.</summary>
    public static string? BrowserTelemetryOrigin(IConfiguration configuration) =>
        BrowserTelemetry(configuration) is { } telemetry ? new Uri(telemetry.Endpoint).GetLeftPart(UriPartial.Authority) : null;

    private static SiteSettings? Settings(IConfiguration configuration) => configuration.GetSection(SiteSettings.SectionName).Get<SiteSettings>();

    private static Uri? HttpUrl(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri : null;
}

using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Site;

/// <summary>Reads the site's <see cref="SiteSettings"/> (the AppHost sets them), on each call so configuration reloads need no restart.</summary>
internal static class SiteConfiguration
{
    /// <summary>The configured API URL, or null when it is unset or not an absolute http(s) URL.</summary>
    public static Uri? ApiUrl(IConfiguration configuration)
    {
        var value = configuration.GetSection(SiteSettings.SectionName).Get<SiteSettings>()?.ApiUrl?.Trim();
        if (string.IsNullOrEmpty(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        return uri;
    }

    /// <summary>The API's origin (scheme, host and port), the form a CSP source expects.</summary>
    public static string? ApiOrigin(IConfiguration configuration) => ApiUrl(configuration)?.GetLeftPart(UriPartial.Authority);
}

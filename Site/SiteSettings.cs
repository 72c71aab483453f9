namespace CloudResume.Site;

/// <summary>Reads the site's one setting, the visit counter API's base URL (<c>Site:ApiUrl</c>).</summary>
internal static class SiteSettings
{
    public const string ApiUrlKey = "Site:ApiUrl";

    /// <summary>
    /// The configured API URL, or null when it is unset or not an absolute http(s) URL.
    /// Read on each call so configuration reloads need no restart.
    /// </summary>
    public static Uri? GetApiUrl(IConfiguration configuration)
    {
        var value = configuration[ApiUrlKey]?.Trim();
        if (string.IsNullOrEmpty(value)
            || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }
        return uri;
    }

    /// <summary>The API's origin (scheme, host and port), the form a CSP source expects.</summary>
    public static string? GetApiOrigin(IConfiguration configuration) =>
        GetApiUrl(configuration)?.GetLeftPart(UriPartial.Authority);
}

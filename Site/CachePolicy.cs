namespace CloudResume.Site;

/// <summary>Which responses must be revalidated on every load.</summary>
internal static class CachePolicy
{
    public const string NoCache = "no-cache";

    /// <summary>
    /// HTML and config.json always revalidate so a deploy (or a new API port) shows at once;
    /// other assets keep the static file middleware's ETag/Last-Modified validation.
    /// </summary>
    public static void Apply(HttpResponse response, string fileName)
    {
        if (fileName.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            || fileName.Equals("config.json", StringComparison.OrdinalIgnoreCase))
        {
            response.Headers.CacheControl = NoCache;
        }
    }
}

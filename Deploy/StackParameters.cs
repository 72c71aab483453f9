namespace CloudResume.Deploy;

/// <summary>The template parameters one deploy passes (the rest keep the template's defaults).</summary>
public static class StackParameters
{
    /// <param name="siteOrigin">
    /// The CORS origin when there is no custom domain: the stack's own SiteUrl output, known only
    /// after the distribution exists — hence a second pass on the first deploy.
    /// </param>
    public static IReadOnlyDictionary<string, string> For(DeployOptions options, string artifactKey, string siteOrigin)
    {
        var parameters = new Dictionary<string, string>(options.Parameters)
        {
            ["ArtifactBucket"] = options.ArtifactBucket ?? "<artifact-bucket>",
            ["ArtifactKey"] = artifactKey,
            ["Architecture"] = options.Architecture,
            ["SiteDomainName"] = options.SiteDomainName ?? "",
            ["CertificateArn"] = options.CertificateArn ?? "",
            ["SiteOrigin"] = options.HasCustomDomain ? "" : siteOrigin,
        };
        return parameters;
    }
}

namespace CloudResume.Tests.Infra;

/// <summary>The API's CORS names the site's origin and nothing wider, whatever the parameters.</summary>
public sealed class CorsTests
{
    public static TheoryData<string, string, string> Combinations()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var origin in new[] { "", "https://d111111abcdef8.cloudfront.net", "http://localhost:5080" })
        {
            foreach (var domain in new[] { "", "resume.example.com" })
            {
                foreach (var certificate in new[] { "", TemplateFile.CertificateArn })
                {
                    data.Add(origin, domain, certificate);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Cors_is_never_a_wildcard_and_is_exactly_the_site_origin(string siteOrigin, string domain, string certificate)
    {
        var template = TemplateFile.Load(("SiteOrigin", siteOrigin), ("SiteDomainName", domain), ("CertificateArn", certificate));
        var api = HttpApiDefinition.From(template, template.Resource("HttpApi"));
        var customDomain = domain != "" && certificate != "";
        var expected = customDomain ? $"https://{domain}" : siteOrigin;

        if (expected == "")
        {
            Assert.Null(api.Cors); // no origin known yet: no cross-origin caller is allowed at all
            return;
        }
        Assert.NotNull(api.Cors);
        Assert.Equal([expected], api.Cors.AllowOrigins);
        Assert.DoesNotContain(api.Cors.AllowOrigins.Concat(api.Cors.AllowMethods).Concat(api.Cors.AllowHeaders), value => value.Contains('*'));
        Assert.Equal(["GET", "POST"], api.Cors.AllowMethods);
        Assert.False(api.Cors.AllowCredentials);
        Assert.InRange(api.Cors.MaxAgeSeconds ?? 0, 60, 86400);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("https://*.cloudfront.net")]
    [InlineData("https://evil.example.com/path")]
    public void A_wildcard_or_non_origin_site_origin_is_refused_by_the_parameter_pattern(string siteOrigin)
    {
        Assert.Throws<TemplateException>(() => TemplateFile.Load(("SiteOrigin", siteOrigin)));
    }
}

namespace CloudResume.Tests.Infra;

/// <summary>CloudFront serves the site over HTTPS only, with the security headers the page is built for.</summary>
public sealed class SiteDistributionTests
{
    private static JsonNode Headers(params (string, string)[] parameters) =>
        TemplateFile.Load(parameters).Resource("SiteHeadersPolicy").Properties["ResponseHeadersPolicyConfig"]!["SecurityHeadersConfig"]!;

    private static Dictionary<string, string> Csp(JsonNode headers) =>
        headers["ContentSecurityPolicy"]!["ContentSecurityPolicy"]!.ToString()
            .Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ', 2)[0], d => d.Split(' ', 2) is [_, var value] ? value : "");

    [Fact]
    public void Csp_lets_the_page_call_the_api_origin_and_allows_no_inline_code()
    {
        var csp = Csp(Headers());

        Assert.Equal("'self' https://HttpApi.execute-api.us-east-1.amazonaws.com", csp["connect-src"]);
        Assert.Equal("'none'", csp["default-src"]);
        Assert.Equal("'self'", csp["script-src"]);
        Assert.Equal("'none'", csp["frame-ancestors"]);
        Assert.DoesNotContain(csp.Values, v => v.Contains("unsafe-", StringComparison.Ordinal) || v.Contains('*'));
    }

    [Fact]
    public void Hsts_nosniff_frame_deny_and_referrer_policy_are_set_and_override_the_origin()
    {
        var headers = Headers();

        Assert.True(headers["StrictTransportSecurity"]!["AccessControlMaxAgeSec"]!.GetValue<long>() >= 31536000);
        Assert.True(headers["StrictTransportSecurity"]!["Override"]!.GetValue<bool>());
        Assert.True(headers["ContentTypeOptions"]!["Override"]!.GetValue<bool>());
        Assert.Equal("DENY", headers["FrameOptions"]!["FrameOption"]!.ToString());
        Assert.Equal("strict-origin-when-cross-origin", headers["ReferrerPolicy"]!["ReferrerPolicy"]!.ToString());
    }

    [Fact]
    public void Viewers_are_redirected_to_https_and_served_compressed_from_the_cheapest_price_class()
    {
        var config = TemplateFile.Load().Resource("SiteDistribution").Properties["DistributionConfig"]!;
        var behavior = config["DefaultCacheBehavior"]!;

        Assert.Equal("redirect-to-https", behavior["ViewerProtocolPolicy"]!.ToString());
        Assert.True(behavior["Compress"]!.GetValue<bool>());
        Assert.Equal("658327ea-f89d-4fab-a63d-7e88639e58f6", behavior["CachePolicyId"]!.ToString()); // managed CachingOptimized
        Assert.Equal("SiteHeadersPolicy", behavior["ResponseHeadersPolicyId"]!.ToString());
        Assert.Equal("index.html", config["DefaultRootObject"]!.ToString());
        Assert.Equal("http2and3", config["HttpVersion"]!.ToString());
        Assert.Equal("PriceClass_100", config["PriceClass"]!.ToString());
    }

    [Fact]
    public void A_custom_domain_gets_its_alias_and_certificate_with_sni_and_modern_tls()
    {
        var plain = TemplateFile.Load().Resource("SiteDistribution").Properties["DistributionConfig"]!;
        var custom = TemplateFile.Load(("SiteDomainName", "resume.example.com"), ("CertificateArn", TemplateFile.CertificateArn))
            .Resource("SiteDistribution").Properties["DistributionConfig"]!;

        Assert.Null(plain["Aliases"]);
        Assert.True(plain["ViewerCertificate"]!["CloudFrontDefaultCertificate"]!.GetValue<bool>());
        Assert.Equal(["resume.example.com"], custom["Aliases"]!.AsArray().Select(a => a!.ToString()));
        Assert.Equal(TemplateFile.CertificateArn, custom["ViewerCertificate"]!["AcmCertificateArn"]!.ToString());
        Assert.Equal("sni-only", custom["ViewerCertificate"]!["SslSupportMethod"]!.ToString());
        Assert.Equal("TLSv1.2_2021", custom["ViewerCertificate"]!["MinimumProtocolVersion"]!.ToString());
    }
}

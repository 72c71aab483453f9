namespace CloudResume.Tests.Infra;

/// <summary>The site bucket is never public: only this distribution reads it, and only over TLS.</summary>
public sealed class SiteBucketTests
{
    [Fact]
    public void Public_access_is_blocked_all_four_ways_and_objects_are_encrypted_owned_and_versioned()
    {
        var bucket = TemplateFile.Load().Resource("SiteBucket").Properties;

        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();
        foreach (var setting in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
        {
            Assert.True(block[setting]?.GetValue<bool>(), setting);
        }
        Assert.Equal("AES256", bucket["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?[0]?["ServerSideEncryptionByDefault"]?["SSEAlgorithm"]?.ToString());
        Assert.Equal("BucketOwnerEnforced", bucket["OwnershipControls"]?["Rules"]?[0]?["ObjectOwnership"]?.ToString());
        Assert.Equal("Enabled", bucket["VersioningConfiguration"]?["Status"]?.ToString());
        Assert.Null(bucket["WebsiteConfiguration"]);
    }

    [Fact]
    public void Policy_allows_only_this_distribution_to_get_objects_and_denies_plain_http()
    {
        var template = TemplateFile.Load();
        var policy = template.Resource("SiteBucketPolicy").Properties;
        var statements = policy["PolicyDocument"]!["Statement"]!.AsArray().OfType<JsonObject>().ToList();
        var bucketArn = $"arn:aws:s3:::{template.PhysicalId("SiteBucket")}";

        Assert.Equal(template.PhysicalId("SiteBucket"), policy["Bucket"]?.ToString());
        Assert.DoesNotContain(statements, s => s["Effect"]?.ToString() == "Allow" && s["Principal"]?.ToJsonString().Contains('*') == true);

        var allow = Assert.Single(statements, s => s["Effect"]?.ToString() == "Allow");
        Assert.Equal("cloudfront.amazonaws.com", allow["Principal"]?["Service"]?.ToString());
        Assert.Equal("s3:GetObject", allow["Action"]?.ToString());
        Assert.Equal($"{bucketArn}/*", allow["Resource"]?.ToString());
        Assert.Equal("arn:aws:cloudfront::123456789012:distribution/SiteDistribution",
            allow["Condition"]?["StringEquals"]?["AWS:SourceArn"]?.ToString());

        var deny = Assert.Single(statements, s => s["Effect"]?.ToString() == "Deny");
        Assert.Equal("false", deny["Condition"]?["Bool"]?["aws:SecureTransport"]?.ToString());
        Assert.Equal([bucketArn, $"{bucketArn}/*"], deny["Resource"]!.AsArray().Select(r => r!.ToString()));
    }

    [Fact]
    public void CloudFront_reaches_the_bucket_through_origin_access_control_only()
    {
        var template = TemplateFile.Load();
        var origin = template.Resource("SiteDistribution").Properties["DistributionConfig"]!["Origins"]![0]!;
        var oac = template.Resource("SiteOriginAccessControl").Properties["OriginAccessControlConfig"]!;

        Assert.Equal($"{template.PhysicalId("SiteBucket")}.s3.us-east-1.amazonaws.com", origin["DomainName"]?.ToString());
        Assert.Equal("SiteOriginAccessControl.Id", origin["OriginAccessControlId"]?.ToString());
        Assert.Equal("", origin["S3OriginConfig"]?["OriginAccessIdentity"]?.ToString());
        Assert.Equal("s3", oac["OriginAccessControlOriginType"]?.ToString());
        Assert.Equal("always", oac["SigningBehavior"]?.ToString());
    }
}

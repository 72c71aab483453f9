namespace CloudResume.Tests.Resume;

/// <summary>Whatever a field holds, it is text on the page: no markup, no script, no link but http(s) and mailto.</summary>
public sealed class ResumeInjectionTests
{
    private static readonly string Html = ResumeText.RenderFile(SampleResumes.Injection);

    [Theory]
    [InlineData("<script>window")]
    [InlineData("<img src=x")]
    [InlineData("<svg onload")]
    [InlineData("<b ")]
    [InlineData("<iframe")]
    [InlineData("<style>")]
    [InlineData("<!-- comment")]
    [InlineData("onerror=\"")]
    public void Markup_in_a_field_is_encoded(string markup) => Assert.DoesNotContain(markup, Html);

    [Fact]
    public void The_text_of_a_field_still_shows()
    {
        Assert.Contains("<h1 class=\"hero__name\">&lt;script&gt;window.injected = &#x27;name&#x27;&lt;/script&gt;Eve</h1>", Html);
    }

    [Fact]
    public void Only_http_https_mailto_and_in_page_links_are_made()
    {
        Assert.All(PageMarkup.Hrefs(Html), href => Assert.Matches("^(https?://|mailto:|#|favicon\\.svg$|assets/)", href));
        // The refused addresses show as text where they were given.
        Assert.Contains("javascript:window.injected=&#x27;project&#x27;", Html);
    }

    [Theory]
    [InlineData("you@example.com", "mailto:you@example.com")]
    [InlineData("you@example.com?cc=them@example.com", null)]
    [InlineData("you@example.com,them@example.com", null)]
    [InlineData("not-an-address", null)]
    public void An_email_becomes_a_mailto_for_that_one_address_only(string email, string? mailto)
    {
        // The schema's email format refuses some of these; the renderer must be safe without it.
        var resume = ResumeText.Valid("""{"basics": {"name": "A"}}""");
        resume.Basics.Email = email;
        var html = ResumePage.Render(resume);

        if (mailto is null)
        {
            Assert.DoesNotContain("mailto:", html);
        }
        else
        {
            Assert.Contains($"href=\"{mailto}\"", html);
        }
    }

    [Fact]
    public void No_value_can_close_the_json_ld_block()
    {
        var html = ResumeText.Render("""{"basics": {"name": "</script><script>alert(1)</script>", "summary": "<!-- -->"}}""");

        var (raw, json) = PageMarkup.JsonLd(html);
        Assert.DoesNotContain("<", raw);
        Assert.Equal("</script><script>alert(1)</script>", json.RootElement.GetProperty("name").GetString());
        Assert.Single(html.Split("</script>"), part => part.Contains("application/ld+json", StringComparison.Ordinal));
    }
}

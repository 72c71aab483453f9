namespace CloudResume.Tests.Resume;

/// <summary>The page the renderer makes: sections present only with data, the sharing tags, headings in order, the weight.</summary>
public sealed class ResumePageTests
{
    private static readonly string[] EverySection =
        ["about", "experience", "projects", "education", "volunteering", "awards", "publications", "references",
         "skills", "certifications", "languages", "interests", "contact"];

    [Fact]
    public void A_rich_resume_shows_every_section_of_the_schema()
    {
        var html = ResumeText.RenderFile(SampleResumes.Rich);

        Assert.Equal(EverySection, PageMarkup.SectionIds(html));
        foreach (var text in new[]
        {
            "Ana Łucja Pereira", "Staff SRE", "\"https://paywise.example.com/\">Paywise</a> · Payments platform · Lisbon", "<time datetime=\"2021-04\">Apr 2021</time> – Present",
            "<time datetime=\"2017\">2017</time> – <time datetime=\"2021-03-31\">Mar 2021</time>", "Code Club Lisboa", "MSc in Computer Science",
            "Score: 18/20", "Queueing Theory", "Reliability Champion", "Error Budgets in Practice", "Ana made our on-call humane.",
            "Operations · Expert", "Full professional proficiency", "Bouldering", "budgetctl", "Paywise · application · Maintainer",
            "351 21 000 0000", "ana@hachyderm.example", "Verify credential", "Lisbon, Lisboa, PT",
        })
        {
            Assert.Contains(text, html);
        }
    }

    [Fact]
    public void Sections_without_data_leave_no_heading_and_no_link()
    {
        var html = ResumeText.Render(ResumeText.WithName("Only A. Name", new JsonObject
        {
            ["work"] = new JsonArray(),
            ["awards"] = new JsonArray(new JsonObject()),
            ["skills"] = new JsonArray(new JsonObject { ["level"] = "Expert" }),
        }));

        Assert.Empty(PageMarkup.SectionIds(html));
        Assert.DoesNotContain("<nav", html);
        Assert.DoesNotContain("<h2", html);
        Assert.DoesNotContain("layout__primary", html);
        Assert.Contains("<h1 class=\"hero__name\">Only A. Name</h1>", html);
        // The counter is part of every page.
        Assert.Contains("id=\"visit-count\"", html);
    }

    [Fact]
    public void Headings_start_with_one_h1_and_never_skip_a_level()
    {
        foreach (var html in new[] { ResumeText.RenderFile(SampleResumes.Rich), ResumeText.RenderFile(RepositoryLayout.Current.Resume) })
        {
            var levels = PageMarkup.HeadingLevels(html);
            Assert.Equal(1, levels[0]);
            Assert.Single(levels, level => level == 1);
            Assert.All(levels.Zip(levels.Skip(1)), pair => Assert.True(pair.Second <= pair.First + 1, $"h{pair.First} followed by h{pair.Second}"));
        }
    }

    [Fact]
    public void Title_description_open_graph_and_json_ld_come_from_basics()
    {
        var html = ResumeText.RenderFile(SampleResumes.Rich);

        Assert.Contains("<title>Ana Łucja Pereira — Site Reliability Engineer</title>", html);
        Assert.Equal("Site reliability engineer who keeps payment systems boring.", PageMarkup.Meta(html, "name", "description"));
        Assert.Equal("Ana Łucja Pereira — Site Reliability Engineer", PageMarkup.Meta(html, "property", "og:title"));
        Assert.Equal("profile", PageMarkup.Meta(html, "property", "og:type"));
        Assert.Equal("https://images.example.org/ana.png", PageMarkup.Meta(html, "property", "og:image"));
        var person = PageMarkup.JsonLd(html).Json.RootElement;
        Assert.Equal("https://schema.org", person.GetProperty("@context").GetString());
        Assert.Equal("Person", person.GetProperty("@type").GetString());
        Assert.Equal("Ana Łucja Pereira", person.GetProperty("name").GetString());
        Assert.Equal("Site Reliability Engineer", person.GetProperty("jobTitle").GetString());
        Assert.Equal("Paywise", person.GetProperty("worksFor")[0].GetProperty("name").GetString());
        Assert.Equal(["https://github.com/ana-sre"], person.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_long_summary_is_cut_at_a_word_for_the_description()
    {
        var summary = string.Join(' ', Enumerable.Repeat("reliable", 40));
        var html = ResumeText.Render(new JsonObject { ["basics"] = new JsonObject { ["name"] = "A", ["summary"] = summary } }.ToJsonString());

        var description = PageMarkup.Meta(html, "name", "description");
        Assert.True(description.Length <= 160, description);
        Assert.EndsWith("reliable…", description);
    }

    [Fact]
    public void The_local_notice_names_each_problem_and_encodes_what_was_found()
    {
        var problems = ResumeText.Check("""{"basics": {"url": "<b>x</b>"}}""").Problems;

        var stale = ResumePage.Render(ResumeText.Valid(ResumeText.WithName("A")), problems, "resume.json");
        Assert.Contains("<div class=\"notice\" role=\"alert\">", stale);
        Assert.Contains("resume.json has 2 problems: this page shows its last valid version", stale);
        Assert.Contains("<li><code>basics.name</code> is required</li>", stale);
        Assert.Contains("(found &quot;&lt;b&gt;x&lt;/b&gt;&quot;)", stale);

        var first = ResumePage.RenderProblems("resume.json", problems);
        Assert.Contains("<h1 class=\"notice__title\">resume.json has 2 problems</h1>", first);
        Assert.DoesNotContain("<script", first);
    }

    [Fact]
    public void The_same_file_renders_to_the_same_bytes()
    {
        Assert.Equal(ResumeText.RenderFile(SampleResumes.Rich), ResumeText.RenderFile(SampleResumes.Rich));
    }

    [Fact]
    public void The_sample_page_with_its_assets_weighs_under_50_KB()
    {
        var site = RepositoryLayout.Current.SiteRoot;
        var page = ResumePage.Utf8(ResumeText.RenderFile(RepositoryLayout.Current.Resume)).Length;
        var assets = new[] { "assets/site.css", "assets/site.js", "assets/trace.js", "favicon.svg" }.Sum(asset => new FileInfo(Path.Combine(site, asset)).Length);

        Assert.True(page + assets < 50 * 1024, $"page {page} B + assets {assets} B");
    }
}

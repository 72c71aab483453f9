namespace CloudResume.Tests.Resume;

/// <summary>What an owner is told about a resume file the page cannot be rendered from: the field path and the problem.</summary>
public sealed class ResumeValidationTests
{
    [Fact]
    public void A_missing_name_is_reported_at_its_path()
    {
        Assert.Equal(["basics.name: is required"], ResumeText.Problems("""{"basics": {"label": "Engineer"}}"""));
        Assert.Equal(["basics: is required"], ResumeText.Problems("""{"work": []}"""));
        Assert.Equal(["basics.name: must not be empty"], ResumeText.Problems("""{"basics": {"name": ""}}"""));
    }

    [Theory]
    [InlineData("""{"basics": {"name": 42}}""", "basics.name: must be a string, not a number")]
    [InlineData("""{"basics": {"name": "A"}, "work": {"name": "Acme"}}""", "work: must be a list, not an object")]
    [InlineData("""{"basics": {"name": "A"}, "work": [{"highlights": ["ok", 7]}]}""", "work[0].highlights[1]: must be a string, not a number")]
    [InlineData("""{"basics": {"name": "A", "profiles": [{"network": true}]}}""", "basics.profiles[0].network: must be a string, not true or false")]
    [InlineData("""[]""", "(file): must be an object, not a list")]
    public void A_wrong_type_names_the_expected_and_the_found_type(string json, string problem) =>
        Assert.Equal([problem], ResumeText.Problems(json));

    [Theory]
    [InlineData("""{"basics": {"name": "A", "url": "my site"}}""", "basics.url: must be a full URL such as https://example.com/you (found \"my site\")")]
    [InlineData("""{"basics": {"name": "A", "profiles": [{"url": "github.com/you"}]}}""", "basics.profiles[0].url: must be a full URL such as https://example.com/you (found \"github.com/you\")")]
    [InlineData("""{"basics": {"name": "A"}, "projects": [{"url": "/relative/path"}]}""", "projects[0].url: must be a full URL such as https://example.com/you (found \"/relative/path\")")]
    [InlineData("""{"basics": {"name": "A", "email": "you at example"}}""", "basics.email: must be an email address such as you@example.com (found \"you at example\")")]
    [InlineData("""{"basics": {"name": "A"}, "work": [{"startDate": "March 2020"}]}""", "work[0].startDate: must be a date as YYYY-MM-DD, YYYY-MM or YYYY (found \"March 2020\")")]
    public void A_bad_url_email_or_date_is_reported_with_what_was_found(string json, string problem) =>
        Assert.Equal([problem], ResumeText.Problems(json));

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var problems = ResumeText.Problems("""{"basics": {"url": "nope"}, "education": [{"endDate": "soon"}], "skills": "lots"}""");

        Assert.Equal(4, problems.Count);
        Assert.Contains("basics.name: is required", problems);
        Assert.Contains(problems, p => p.StartsWith("basics.url: ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("education[0].endDate: ", StringComparison.Ordinal));
        Assert.Contains("skills: must be a list, not a string", problems);
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line_and_column()
    {
        var problem = Assert.Single(ResumeText.Problems("{\n  \"basics\": {\n    \"name\": \"A\"\n    \"label\": \"B\"\n  }\n}"));

        Assert.StartsWith("line 4, column 5: is not valid JSON", problem);
    }

    [Fact]
    public void The_documented_message_names_the_file_then_one_problem_a_line()
    {
        var error = Assert.Throws<InvalidResumeException>(() => ResumeText.Valid("""{"basics": {"email": "x"}}"""));

        Assert.Equal(
            "resume.json is not a valid JSON Resume file:\n" +
            "  basics.email: must be an email address such as you@example.com (found \"x\")\n" +
            "  basics.name: is required",
            error.Message);
    }

    [Fact]
    public void A_missing_file_is_a_problem_not_a_crash()
    {
        var file = ResumeFile.Read(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));

        Assert.False(file.IsValid);
        Assert.StartsWith("(file): cannot be read", Assert.Single(file.Problems).ToString());
    }

    [Fact]
    public void The_checkouts_resume_and_the_test_resumes_are_valid()
    {
        Assert.Empty(ResumeFile.Read(RepositoryLayout.Current.Resume).Problems);
        Assert.Empty(ResumeFile.Read(SampleResumes.Rich).Problems);
        // Hostile content is still a valid resume: the renderer, not the schema, keeps it harmless.
        Assert.Empty(ResumeFile.Read(SampleResumes.Injection).Problems);
    }

    [Fact]
    public void The_official_packages_own_sample_resumes_are_accepted_and_render()
    {
        var package = PackageDirectory();
        var samples = Directory.GetFiles(package, "*.resume.json", SearchOption.AllDirectories);

        Assert.NotEmpty(samples);
        Assert.All(samples, sample =>
        {
            var file = ResumeFile.Read(sample);
            Assert.True(file.IsValid, string.Join('\n', file.Problems));
            Assert.Contains("<h1", ResumePage.Render(file.Resume!));
        });
    }

    [Fact]
    public void The_embedded_schema_is_the_pinned_npm_packages_schema()
    {
        var packaged = File.ReadAllText(Path.Combine(PackageDirectory(), "schema.json"));

        Assert.Equal(packaged, ResumeSchema.Text(ResumeSchema.OfficialSchemaResource));
    }

    private static string PackageDirectory()
    {
        var directory = RepositoryLayout.Current.Combine("node_modules", "@jsonresume", "schema");
        Assert.True(Directory.Exists(directory), $"{directory} is missing: run `npm ci` (the test command does).");
        return directory;
    }
}

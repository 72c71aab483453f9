using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudResume.Tests.System;

/// <summary>The whole AppHost started while its resume.json has problems.</summary>
public sealed class AppWithBrokenResume : CloudResumeApp
{
    public const string Broken = """{"basics": {"label": "Cloud Engineer"}, "work": [{"position": "SRE", "startDate": "soon"}]}""";

    protected override string? InitialResume => Broken;
}

/// <summary>Its own AppHost, started after the main collection's tests are done (2 cores: one AppHost at a time).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokenResumeCollection : ICollectionFixture<AppWithBrokenResume>
{
    public const string Name = "AppHost with a broken resume";
}

[Collection(BrokenResumeCollection.Name)]
public sealed class BrokenResumeAtStartTests(AppWithBrokenResume app)
{
    [Fact]
    public async Task The_site_resource_names_each_problem_the_rest_runs_and_a_fixed_save_brings_the_page()
    {
        using var timeout = new CancellationTokenSource(CloudResumeApp.StartTimeout);
        var site = await app.App.ResourceNotifications.WaitForResourceAsync("site", e => e.Snapshot.HealthReports.Any(r =>
                r.Status == HealthStatus.Unhealthy && r.Description?.Contains("basics.name: is required") == true),
            timeout.Token);
        var report = site.Snapshot.HealthReports.Single(r => r.Status == HealthStatus.Unhealthy).Description!;
        Assert.StartsWith($"{app.Resume.Path} is not a valid JSON Resume file:", report);
        Assert.Contains("work[0].startDate: must be a date as YYYY-MM-DD, YYYY-MM or YYYY (found \"soon\")", report);
        Assert.Equal(KnownResourceStates.Running, site.Snapshot.State?.Text);

        // The rest of the system runs: the API answers with the counts.
        using var api = app.CreateApiClient();
        using var counts = await api.GetAsync("/visits");
        Assert.Equal(HttpStatusCode.OK, counts.StatusCode);

        // The site answers with the problems, not a page pretending to be the resume.
        using var http = new HttpClient { BaseAddress = new Uri(app.SiteUrl) };
        using var page = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<li><code>basics.name</code> is required</li>", html);
        Assert.Contains("<li><code>work[0].startDate</code> must be a date", html);

        // Fixed and saved: the resume is served and the resource turns healthy, with no restart.
        var (fixedPage, _) = await app.Resume.RestoreSampleAsync();
        Assert.Contains("<h1 class=\"hero__name\">Your Name</h1>", fixedPage);
        await app.App.ResourceNotifications.WaitForResourceHealthyAsync("site", timeout.Token);
    }
}

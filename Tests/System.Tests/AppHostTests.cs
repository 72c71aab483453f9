using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace CloudResume.Tests.System;

[Collection(CloudResumeCollection.Name)]
public sealed class AppHostTests(CloudResumeApp app)
{
    private static readonly TimeSpan TelemetryWait = TimeSpan.FromSeconds(30);

    internal const string BrowserUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

    private HttpClient Api()
    {
        var client = app.CreateApiClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(BrowserUserAgent);
        return client;
    }

    [Theory]
    [InlineData("dynamodb")]
    [InlineData("visits")]
    [InlineData("api")]
    [InlineData("site")]
    public async Task Every_resource_of_the_system_becomes_healthy(string resource)
    {
        using var timeout = new CancellationTokenSource(CloudResumeApp.StartTimeout);
        var state = await app.App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task The_function_shows_as_ready_behind_the_gateway()
    {
        using var timeout = new CancellationTokenSource(CloudResumeApp.StartTimeout);
        var state = await app.App.ResourceNotifications.WaitForResourceAsync(
            "counter", e => e.Snapshot.State?.Text?.StartsWith("Ready", StringComparison.Ordinal) == true, timeout.Token);
        Assert.Contains(state.Snapshot.Properties, p => p.Name == "lambda.runtime" && (string?)p.Value == "provided.al2023");
    }

    [Fact]
    public async Task Site_serves_the_resume_and_a_config_json_pointing_at_the_local_api()
    {
        using var site = new HttpClient { BaseAddress = new Uri(app.SiteUrl) };
        var page = await site.GetStringAsync("/");
        Assert.Contains("id=\"visit-count\"", page);

        var config = JsonDocument.Parse(await site.GetStringAsync("/config.json"));
        Assert.Equal(app.ApiUrl, config.RootElement.GetProperty("apiUrl").GetString());
    }

    [Fact]
    public async Task Post_through_the_gateway_counts_a_view_and_get_does_not()
    {
        using var api = Api();
        var before = await Counts.GetAsync(api);

        using var post = await api.PostAsync("/visits", null);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var afterPost = await Counts.ReadAsync(post);
        Assert.True(afterPost.Views >= before.Views + 1, $"views {before.Views} -> {afterPost.Views}");

        var afterGet = await Counts.GetAsync(api);
        var again = await Counts.GetAsync(api);
        Assert.Equal(afterGet.Views, again.Views);
    }

    [Fact]
    public async Task Cors_allows_the_sites_own_origin_and_refuses_another()
    {
        using var api = Api();
        using var allowed = new HttpRequestMessage(HttpMethod.Get, "/visits");
        allowed.Headers.Add("Origin", app.SiteUrl);
        using var allowedResponse = await api.SendAsync(allowed);
        Assert.Equal(app.SiteUrl, allowedResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/visits");
        preflight.Headers.Add("Origin", app.SiteUrl);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var preflightResponse = await api.SendAsync(preflight);
        Assert.True(preflightResponse.IsSuccessStatusCode, $"preflight answered {preflightResponse.StatusCode}");
        Assert.Contains("POST", string.Join(",", preflightResponse.Headers.GetValues("Access-Control-Allow-Methods")));

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/visits");
        foreign.Headers.Add("Origin", "https://evil.example");
        using var foreignResponse = await api.SendAsync(foreign);
        Assert.False(foreignResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_functions_spans_and_metrics_reach_the_OTLP_endpoint_under_the_functions_name()
    {
        using var api = Api();
        using var post = await api.PostAsync("/visits", null);
        post.EnsureSuccessStatusCode();

        // The function flushes before it answers; the emulator's own batch follows within its delay.
        var invocation = await app.Telemetry.WaitForSpanAsync(
            span => span.ServiceName == "counter" && span.Name == "POST /visits", TelemetryWait);
        Assert.Equal(ActivityKind.Server, invocation.Kind);
        var update = await app.Telemetry.WaitForSpanAsync(
            span => span.ServiceName == "counter" && span.Name == "DynamoDB.UpdateItem" && span.ParentSpanId == invocation.SpanId, TelemetryWait);
        Assert.Equal(ActivityKind.Client, update.Kind);
        Assert.Equal(invocation.TraceId, update.TraceId);
        // The invocation continues the trace of the emulator's span that invoked it (not a trace of its own).
        var caller = await app.Telemetry.WaitForSpanAsync(span => span.SpanId == invocation.ParentSpanId, TelemetryWait);
        Assert.Equal("api", caller.ServiceName);
        Assert.Equal(invocation.TraceId, caller.TraceId);
        await app.Telemetry.WaitForMetricAsync("counter", "visits", TelemetryWait);
    }

    [Fact]
    public async Task The_functions_json_log_lines_show_on_its_own_resource_and_hold_no_ip()
    {
        using var api = Api();
        using var post = await api.PostAsync("/visits", null);
        post.EnsureSuccessStatusCode();

        var loggers = app.App.Services.GetRequiredService<ResourceLoggerService>();
        var lines = new List<string>();
        for (var attempt = 0; attempt < 100 && !lines.Any(l => l.Contains("\"Handled\"", StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(200);
            lines.Clear();
            await foreach (var batch in loggers.GetAllAsync("counter"))
            {
                lines.AddRange(batch.Select(line => line.Content));
            }
        }
        var handled = lines.Where(l => l.Contains("\"Handled\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(handled);
        Assert.All(handled, line => Assert.Contains("\"requestId\"", line));
        Assert.DoesNotContain(lines, line => line.Contains("127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_commands_seed_thirty_days_of_history_and_reset_the_counts()
    {
        using var api = Api();
        await app.ExecuteAsync("visits", "seed-history");
        var seeded = await Counts.GetAsync(api, "?days=30");
        Assert.Equal(30, seeded.Daily.Count);
        Assert.All(seeded.Daily, day => Assert.True(day.GetProperty("views").GetInt64() > 0));

        await app.ExecuteAsync("visits", "reset-counts");
        var reset = await Counts.GetAsync(api, "?days=30");
        Assert.Equal(0, reset.Views);
        Assert.Equal(0, reset.Visitors);
        Assert.All(reset.Daily, day => Assert.Equal(0, day.GetProperty("views").GetInt64()));
    }

    [Fact]
    public async Task Rebuild_function_builds_the_bootstrap_again_and_the_next_visit_runs_on_fresh_environments()
    {
        using var api = Api();
        using (var first = await api.PostAsync("/visits", null))
        {
            first.EnsureSuccessStatusCode(); // at least one environment to replace
        }

        var result = await app.ExecuteAsync("counter", "rebuild-function");

        var rebuilt = Regex.Match(result.Message ?? "", @"^Rebuilt in \d+(\.\d)? s as (?<bootstrap>\S+); [1-9]\d* execution environment\(s\) replaced");
        Assert.True(rebuilt.Success, result.Message);
        using var post = await api.PostAsync("/visits", null);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        // The environment that answered runs the new build, not the one the AppHost started with.
        Assert.Contains(rebuilt.Groups["bootstrap"].Value, ProcessTable.Executables());
    }
}

using Aspire.Hosting.Testing;
using CloudResume.Contracts.LocalSystem;
using Microsoft.Extensions.DependencyInjection;

namespace CloudResume.Tests.System;

/// <summary>
/// The whole AppHost, started once for the collection (start-up costs ~10 s on 2 cores): in-memory
/// dynalite, the function behind the emulated API, the site rendering a resume file of the tests' own.
/// Telemetry goes to an OTLP receiver.
/// </summary>
public class CloudResumeApp : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    public DistributedApplication App { get; private set; } = null!;
    public OtlpReceiver Telemetry { get; private set; } = null!;
    public int SitePort { get; } = FreePort.Next();
    public int ApiPort { get; } = FreePort.Next();
    public string SiteUrl => $"http://localhost:{SitePort}";
    public string ApiUrl => $"http://localhost:{ApiPort}";

    /// <summary>The resume the site renders: a copy of the checkout's sample that tests may overwrite.</summary>
    public SiteResume Resume { get; private set; } = null!;

    /// <summary>What the site's resume file holds at start; null: the checkout's sample.</summary>
    protected virtual string? InitialResume => null;

    public async Task InitializeAsync()
    {
        Telemetry = new OtlpReceiver();
        Resume = new SiteResume(SiteUrl, InitialResume);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"CloudResume:SitePort={SitePort}",
            $"CloudResume:ApiPort={ApiPort}",
            "CloudResume:DynamoDb:InMemory=true",
            $"CloudResume:Resume={Resume.Path}",
            // Every test visits from 127.0.0.1, most as the same browser: the daily allowances are not what they test.
            "CloudResume:Parameters:MaxViewsPerVisitorPerDay=1000000",
            "CloudResume:Parameters:MaxVisitorsPerAddressPerDay=1000000",
            // Nor is the stage's throttle (5 requests/s by default), which the suite's quick visits would exceed.
            "CloudResume:Parameters:ThrottlingRateLimit=1000",
            "CloudResume:Parameters:ThrottlingBurstLimit=1000",
            // The site's origin is the API's allowed CORS origin: ports must be the ones asked for.
            "DcpPublisher:RandomizePorts=false",
        ]);
        foreach (var name in new[] { "api", "site" })
        {
            builder.CreateResourceBuilder<ProjectResource>(name)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "200");
        }
        // No dashboard runs under the testing builder: the page sends its span to the receiver instead (as to the dashboard).
        builder.CreateResourceBuilder<ProjectResource>("site")
            .WithEnvironment(SiteSettings.EnvironmentVariable(nameof(SiteSettings.BrowserTelemetryEndpoint)), Telemetry.Endpoint);
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        if (InitialResume is null)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync("site", timeout.Token);
        }
    }

    public HttpClient CreateApiClient() => new() { BaseAddress = new Uri(ApiUrl), Timeout = TimeSpan.FromSeconds(30) };

    public Task StopResourceAsync(string name) => ExecuteAsync(name, KnownResourceCommands.StopCommand);

    public async Task StartResourceAsync(string name)
    {
        await ExecuteAsync(name, KnownResourceCommands.StartCommand);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
    }

    /// <summary>After a restart the gateway is healthy before its first execution environment has started.</summary>
    public async Task WaitUntilApiAnswersAsync()
    {
        using var api = CreateApiClient();
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await api.GetAsync("/visits");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        Assert.Fail("The API did not answer GET /visits within a minute of its restart.");
    }

    /// <summary>Runs a resource's dashboard command, which must succeed; its result says what it did.</summary>
    public async Task<ExecuteCommandResult> ExecuteAsync(string resource, string command)
    {
        var commands = App.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource} failed: {result.Message}");
        return result;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Telemetry.Dispose();
        Resume.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class CloudResumeCollection : ICollectionFixture<CloudResumeApp>
{
    public const string Name = "CloudResume AppHost";
}

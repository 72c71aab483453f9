namespace CloudResume.Tests.Emulator;

/// <summary>Behaviours that need an emulator of their own configuration, and the command line.</summary>
public sealed class StandaloneEmulatorTests
{
    private static readonly string Template = RepositoryLayout.Current.Template;

    [Fact]
    public async Task Stage_throttle_beyond_the_burst_is_answered_429_Too_Many_Requests()
    {
        await using var emulator = await EmulatorServer.StartAsync(TestSettings.ScriptedRuntime(("ThrottlingRateLimit", "1"), ("ThrottlingBurstLimit", "2")));
        using var client = new HttpClient();
        var url = new Uri(emulator.Gateway, "/visits");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.GetAsync(url);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == (HttpStatusCode)429)
            {
                Assert.Equal("""{"message":"Too Many Requests"}""", await response.Content.ReadAsStringAsync());
            }
        }
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.OK, statuses[1]);
        Assert.Contains((HttpStatusCode)429, statuses.Skip(2));
        await Task.Delay(1100); // the bucket refills at the rate limit
        using var later = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Init_error_is_served_to_the_first_invoke_as_500_and_the_environment_is_replaced()
    {
        var settings = TestSettings.ScriptedRuntime();
        settings.Function.Environment["SCRIPTED_INIT_ERROR"] = "1";
        await using var emulator = await EmulatorServer.StartAsync(settings);
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(emulator.Gateway, "/visits"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
        using var again = await client.GetAsync(new Uri(emulator.Gateway, "/visits"));
        Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode); // each cold start fails init again
    }

    /// <summary>A command line that cannot run, and what its error must name.</summary>
    public static TheoryData<string[], string> CommandLinesThatCannotRun => new()
    {
        { ["--template", "/nonexistent/template.yaml"], "Template not found" },
        { ["--template", Template, "--parameter", "ReservedConcurrency=0"], "ReservedConcurrency" },
        { ["--template", Template, "--gateway-port", "eighty"], "--gateway-port" },
        { ["--template", Template, "--runtime-port", "70000"], "--runtime-port" },
        { ["--template", Template, "--idle-timeout", "0"], "--idle-timeout must be at least 1 second" },
    };

    [Theory]
    [MemberData(nameof(CommandLinesThatCannotRun))]
    public async Task Command_line_that_cannot_run_exits_non_zero_with_a_clear_error(string[] arguments, string named)
    {
        // One that wrongly started would serve forever: it is given a minute.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var run = await EmulatorServer.RunToExitAsync(arguments, giveUp.Token);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(named, run.Stderr);
    }

    [Fact]
    public async Task Readme_command_typed_at_the_repository_root_serves_the_templates_API()
    {
        var (gatewayPort, runtimePort) = (FreePort.Next(), FreePort.Next());
        var root = RepositoryLayout.Current.Root;
        // The command exactly as README.md prints it ("The emulator on its own"), on free ports instead of 8000 and 9001.
        var typed = File.ReadAllLines(Path.Combine(root, "README.md"))
            .Single(line => line.StartsWith("dotnet run --project Emulator -- ", StringComparison.Ordinal))
            .Split(' ');
        var arguments = typed.Skip(1).Select((argument, i) => typed[i] switch
        {
            "--gateway-port" => $"{gatewayPort}",
            "--runtime-port" => $"{runtimePort}",
            _ => argument,
        }).ToList();
        var start = new ProcessStart(typed[0], arguments) { WorkingDirectory = root }
            .WithEnvironment([new("OTEL_EXPORTER_OTLP_ENDPOINT", null), new("ASPNETCORE_URLS", null)]);

        await using (var emulator = LocalProcess.Start(start))
        {
            // dotnet run checks the build first: minutes on a busy machine, not seconds.
            await WaitUntilHealthyAsync(emulator, new Uri($"http://127.0.0.1:{runtimePort}/health"), TimeSpan.FromMinutes(3));

            // GET /visits is a route of the template it read (relative to the root): no runtime polls, so the integration fails.
            using var client = new HttpClient();
            using var answer = await client.GetAsync($"http://127.0.0.1:{gatewayPort}/visits");
            var body = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError, $"{answer.StatusCode}: {body}");
            Assert.False(string.IsNullOrEmpty((string?)JsonNode.Parse(body)?["message"]), body);
        }
        Assert.False(await AcceptsAsync(runtimePort), "the emulator outlived the stopped dotnet run");
    }

    private static async Task WaitUntilHealthyAsync(LocalProcess emulator, Uri health, TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var giveUp = DateTime.UtcNow + timeout;
        while (!await AnswersOkAsync(client, health))
        {
            Assert.False(emulator.HasExited, $"dotnet run exited ({emulator.ExitCode}):\n{emulator.Output}");
            Assert.True(DateTime.UtcNow < giveUp, $"{health} did not answer within {timeout}:\n{emulator.Output}");
            await Task.Delay(250);
        }
    }

    private static async Task<bool> AnswersOkAsync(HttpClient client, Uri url)
    {
        try
        {
            using var response = await client.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Whether anything still listens on the port, allowing a killed process a moment to go.</summary>
    private static async Task<bool> AcceptsAsync(int port)
    {
        using var stopped = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, stopped.Token);
                await Task.Delay(100, stopped.Token);
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}

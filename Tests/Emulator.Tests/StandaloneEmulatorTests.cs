using System.Net;
using CloudResume.Tests.Emulator.Support;

namespace CloudResume.Tests.Emulator;

/// <summary>Behaviours that need an emulator of their own configuration, and the command line.</summary>
public sealed class StandaloneEmulatorTests
{
    [Fact]
    public async Task Stage_throttle_beyond_the_burst_is_answered_429_Too_Many_Requests()
    {
        await using var emulator = await EmulatorProcess.StartAsync(ScriptedRuntime.Arguments(
            "--parameter", "ThrottlingRateLimit=1", "--parameter", "ThrottlingBurstLimit=2"));
        var url = new Uri(emulator.Gateway, "/visits");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await emulator.Client.GetAsync(url);
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
        using var later = await emulator.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Init_error_is_served_to_the_first_invoke_as_500_and_the_environment_is_replaced()
    {
        await using var emulator = await EmulatorProcess.StartAsync(ScriptedRuntime.Arguments("--Function:Environment:SCRIPTED_INIT_ERROR=1"));
        using var response = await emulator.Client.GetAsync(new Uri(emulator.Gateway, "/visits"));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
        using var again = await emulator.Client.GetAsync(new Uri(emulator.Gateway, "/visits"));
        Assert.Equal(HttpStatusCode.InternalServerError, again.StatusCode); // each cold start fails init again
    }

    [Fact]
    public async Task Missing_template_exits_non_zero_with_a_clear_error()
    {
        var (code, output) = await EmulatorProcess.RunToExitAsync("--template", "/nonexistent/template.yaml");
        Assert.NotEqual(0, code);
        Assert.Contains("Template not found", output);
    }

    [Fact]
    public async Task Parameter_outside_the_templates_rules_exits_non_zero_with_a_clear_error()
    {
        var (code, output) = await EmulatorProcess.RunToExitAsync("--template", Repository.Template, "--parameter", "ReservedConcurrency=0");
        Assert.NotEqual(0, code);
        Assert.Contains("ReservedConcurrency", output);
        var (badPort, portOutput) = await EmulatorProcess.RunToExitAsync("--template", Repository.Template, "--gateway-port", "eighty");
        Assert.NotEqual(0, badPort);
        Assert.Contains("GatewayPort", portOutput);
    }
}

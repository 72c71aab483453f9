namespace CloudResume.Tests.Emulator;

/// <summary>Lambda's execution environment lifecycle and concurrency model, on managed environments.</summary>
[Collection(ManagedEmulatorCollection.Name)]
public sealed class ExecutionEnvironmentTests(ManagedEmulatorFixture fixture)
{
    private Task<int> PidAsync(string query = "") => fixture.Client.GetPidAsync(fixture.Url("/visits" + query));

    [Fact]
    public async Task Idle_environment_is_reused_for_the_next_invocation()
    {
        var first = await PidAsync();
        var second = await PidAsync();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Runtime_crash_is_answered_500_and_a_fresh_environment_serves_the_next_request()
    {
        var before = await PidAsync();
        using var crash = await fixture.Client.GetAsync(fixture.Url("/visits?mode=crash"));
        Assert.Equal(HttpStatusCode.InternalServerError, crash.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await crash.Content.ReadAsStringAsync());

        var after = await PidAsync();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Integration_timeout_is_answered_503_and_the_next_request_gets_a_fresh_environment()
    {
        var before = await PidAsync();
        var clock = Stopwatch.StartNew();
        using var slow = await fixture.Client.GetAsync(fixture.Url("/visits?mode=sleep&seconds=8"));
        clock.Stop();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
        Assert.Equal("""{"message":"Service Unavailable"}""", await slow.Content.ReadAsStringAsync());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(7)); // TimeoutInMillis: 5000

        var after = await PidAsync();
        Assert.NotEqual(before, after);
    }

    [Fact]
    public async Task Parallel_requests_run_at_once_on_separate_environments_up_to_the_reserved_concurrency()
    {
        var clock = Stopwatch.StartNew();
        var pids = await Task.WhenAll(Enumerable.Range(0, ManagedEmulatorFixture.Concurrency)
            .Select(_ => PidAsync("?mode=sleep&seconds=1.5")));
        clock.Stop();
        Assert.Equal(ManagedEmulatorFixture.Concurrency, pids.Distinct().Count());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2 * 1.5), $"took {clock.Elapsed}: not in parallel");
    }

    [Fact]
    public async Task Invocation_beyond_reserved_concurrency_is_rejected_by_Lambda_and_answered_500_Internal_Server_Error()
    {
        // AWS: "If the Lambda API rejects the invocation request, API Gateway returns a 500 error code."
        var busy = Enumerable.Range(0, ManagedEmulatorFixture.Concurrency)
            .Select(_ => fixture.Client.GetAsync(fixture.Url("/visits?mode=sleep&seconds=1.5"))).ToList();
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();
        using var throttled = await fixture.Client.GetAsync(fixture.Url("/visits"));
        clock.Stop();
        Assert.Equal(HttpStatusCode.InternalServerError, throttled.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await throttled.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(0.5), "a throttle is answered at once, not queued");
        foreach (var response in await Task.WhenAll(busy))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }
    }
}

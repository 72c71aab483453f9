namespace CloudResume.Tests.Counter.Integration;

/// <summary>DynamoDB going away or hanging: the function answers 503 in time and recovers.</summary>
// One test at a time with the other function tests: the timing here is judged against Lambda's 5 s.
[Collection(EmulatedLambdaCollection.Name)]
public sealed class FunctionFaultTests(PersistentEmulatedLambda lambda) : EmulatedLambdaTests(lambda), IClassFixture<PersistentEmulatedLambda>
{
    private LocalProcess _function = null!;

    public override async Task InitializeAsync()
    {
        await Lambda.Dynalite.StartAsync(); // a failed test may have left it stopped
        await base.InitializeAsync();
        _function = await Lambda.StartFunctionAsync(Lambda.FunctionEnvironment(Table));
    }

    private Task<FunctionResult> Post() => Lambda.InvokeAsync(ApiEvents.Json("POST"));

    /// <summary>DynamoDB unreachable: a JSON 503 that invites the page to retry in a second.</summary>
    private static void AssertRetryableUnavailable(FunctionResult result)
    {
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("1", result.Header("retry-after"));
        Assert.Equal("application/json", result.Header("content-type"));
        Assert.False(string.IsNullOrEmpty(result.Json.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task DynamoDB_down_is_503_with_retry_after_and_the_same_process_recovers()
    {
        var before = await Post();
        Assert.Equal(200, before.StatusCode);

        await Lambda.Dynalite.StopAsync();
        var down = await Post();
        var downRead = await Lambda.InvokeAsync(ApiEvents.Json("GET"));

        await Lambda.Dynalite.StartAsync();
        var after = await Post();

        AssertRetryableUnavailable(down);
        AssertRetryableUnavailable(downRead);
        Assert.Equal(200, after.StatusCode);
        Assert.Equal(2, after.Views);
        Assert.False(_function.HasExited);
    }

    [Fact]
    public async Task Hung_DynamoDB_is_503_before_the_deadline_without_inviting_a_retry_of_a_write_that_may_have_landed()
    {
        Assert.Equal(200, (await Post()).StatusCode); // warm: the salt is cached, connections are open

        Lambda.Dynalite.Process.Pause();
        FunctionResult hung;
        var clock = Stopwatch.StartNew();
        try
        {
            hung = await Post();
        }
        finally
        {
            Lambda.Dynalite.Process.Resume();
        }
        clock.Stop();

        // A response at all means before the deadline: past it the Invoke API answers Sandbox.Timedout instead.
        Assert.Equal(503, hung.StatusCode);
        // The write went out before DynamoDB hung: it may have been applied, so no Retry-After.
        Assert.Null(hung.Header("retry-after"));
        Assert.Contains("may have been counted", hung.Json.GetProperty("message").GetString());
        Assert.True(clock.Elapsed < Lambda.Function.Timeout, $"answered after {clock.Elapsed}, the function's timeout is {Lambda.Function.Timeout}");
        Assert.Equal(200, (await Post()).StatusCode);
    }
}

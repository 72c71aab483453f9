namespace CloudResume.Tests.Reliability;

[Collection(FaultCollection.Name)]
public sealed class FunctionTimeoutTests(DeploymentFixture fixture)
{
    /// <summary>The template's function Timeout and integration TimeoutInMillis (both 5 s).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_hung_DynamoDB_gets_the_caller_a_503_within_the_timeout_and_the_next_visit_succeeds()
    {
        var (deployment, api) = (fixture.Deployment, fixture.Api);
        Assert.True((await api.PostVisitAsync()).IsOk, "warm-up visit");

        VisitAnswer answer;
        TimeSpan elapsed;
        // SIGSTOP: dynalite's sockets stay open and accept, nothing answers — the function waits on it.
        deployment.Dynalite.Process.Pause();
        try
        {
            var started = Stopwatch.StartNew();
            answer = await api.PostVisitAsync();
            elapsed = started.Elapsed;
        }
        finally
        {
            deployment.Dynalite.Process.Resume();
        }

        // Either the function gives up just before its deadline (503 + Retry-After) or the gateway's
        // integration timeout answers (503 "Service Unavailable"): both are a 503 with a JSON message.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Message), $"503 without a JSON message: {answer}");
        Assert.True(elapsed <= Timeout + TimeSpan.FromSeconds(1), $"503 after {elapsed.TotalMilliseconds:F0} ms (limit {(Timeout + TimeSpan.FromSeconds(1)).TotalMilliseconds:F0} ms)");

        var next = await api.PostVisitAsync();
        Assert.True(next.IsOk, $"visit after DynamoDB came back: {next}");
    }
}

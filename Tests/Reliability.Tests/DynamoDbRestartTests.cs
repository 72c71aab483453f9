namespace CloudResume.Tests.Reliability;

/// <summary>DynamoDB dies (SIGKILL) under load and comes back on the same port and data.</summary>
public sealed class DynamoDbRestartTests
{
    private const int Callers = 32;
    private const int CallsPerCallerCap = 2_000;
    private const int OkBeforeKill = 300;
    private const int OkAfterRestart = 300;

    private sealed record Call(long Started, VisitAnswer Answer);

    [Fact]
    public async Task Killing_DynamoDB_mid_load_loses_no_acknowledged_visit_and_service_resumes_by_itself()
    {
        await using var target = await RestartableDeployment.StartAsync("reliability-dynalite", Callers);
        var (deployment, api) = (target.Deployment, target.Api);
        var before = await api.GetViewsAsync();
        var environmentsBefore = deployment.Emulator.FunctionProcessIds().Order().ToList();

        await using var calls = new SteadyLoad<Call>(Callers, async () =>
        {
            var started = Stopwatch.GetTimestamp();
            var answer = await api.PostVisitAsync();
            if (!answer.IsOk)
            {
                // A page's script would back off too; keeps the outage from becoming a busy loop.
                await Task.Delay(50);
            }
            return new Call(started, answer);
        }, CallsPerCallerCap);

        await Eventually.WaitForAsync(() => calls.Count(c => c.Answer.IsOk) >= OkBeforeKill, "visits before the kill");
        await deployment.Dynalite.StopAsync(); // SIGKILL: no flush, no goodbye
        var killEnded = Stopwatch.GetTimestamp();

        await Eventually.WaitForAsync(() => calls.Count(c => c.Started > killEnded) >= Callers, "visits during the outage");
        await deployment.Dynalite.StartAsync(); // same port, same --path
        var restartEnded = Stopwatch.GetTimestamp();

        await Eventually.WaitForAsync(() => calls.Count(c => c.Started > restartEnded && c.Answer.IsOk) >= OkAfterRestart, "visits after the restart");
        var all = await calls.StopAsync();
        var after = await api.GetViewsAsync();

        var ok = all.Where(c => c.Answer.IsOk).Select(c => c.Answer.Views!.Value).ToList();
        var failed = all.Where(c => !c.Answer.IsOk).ToList();

        // Every failure is a 503 in the API's error shape: with Retry-After when the visit was certainly not
        // counted, without it when its write went out and the answer was lost (it may have been counted).
        var wrong = failed.Where(c => c.Answer.Status != HttpStatusCode.ServiceUnavailable || string.IsNullOrEmpty(c.Answer.Message)).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} failures were not 503 JSON, e.g. {string.Join("; ", wrong.Take(5).Select(c => c.Answer))}");
        Assert.NotEmpty(failed);
        var maybeCounted = failed.Count(c => !c.Answer.HasRetryAfter);
        Assert.All(failed.Where(c => !c.Answer.HasRetryAfter), c => Assert.Contains("may have been counted", c.Answer.Message));

        // Each acknowledged visit got a count of its own, and none of them was lost in the crash.
        Assert.Equal(ok.Count, ok.Distinct().Count());
        Assert.All(ok, views => Assert.InRange(views, before + 1, after));
        Assert.True(after - before >= ok.Count, $"{ok.Count} visits acknowledged but views grew by {after - before}");

        // Exact equality (views grew by exactly the number of 200s) cannot be guaranteed: a visit is counted by one
        // UpdateItem ADD on `total`, and an ADD that lands just before DynamoDB dies loses its answer. The function
        // says so — that is the one answer without Retry-After — and answers 200 whenever the ADD itself succeeded
        // (a failed marker or visitor update after it no longer fails the visit). So the surplus is bounded by the
        // "may have been counted" answers exactly, and a caller that retries only on Retry-After never counts twice.
        Assert.True(after - before - ok.Count <= maybeCounted,
            $"views grew by {after - before} for {ok.Count} acknowledged visits; only {maybeCounted} answers said the visit may have been counted");

        // Service came back on its own: the emulator never went down, and the execution environments
        // that served before the kill serve again — a burst as wide as the load needs no new one.
        Assert.False(deployment.Emulator.Process.HasExited, deployment.Emulator.Process.Tail());
        var burst = await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => api.PostVisitAsync()));
        Assert.All(burst, answer => Assert.True(answer.IsOk, $"a visit after the load: {answer}"));
        Assert.Equal(environmentsBefore, deployment.Emulator.FunctionProcessIds().Order().ToList());
    }
}

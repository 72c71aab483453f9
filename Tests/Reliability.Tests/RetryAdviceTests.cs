using Xunit.Abstractions;

namespace CloudResume.Tests.Reliability;

/// <summary>
/// A page view whose answer invites a retry (503 + Retry-After) is sent again; any other answer ends it, as the page's
/// script does (Site/wwwroot/assets/site.js). DynamoDB is paused (writes arrive but answers are lost) and killed
/// (nothing arrives) under that load: no page view may be counted twice because the API said "try again".
/// </summary>
public sealed class RetryAdviceTests(ITestOutputHelper output)
{
    private const int Callers = 16;
    private const int AttemptsPerPageView = 30;
    private const int OkPerPhase = 200;
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(10);

    private int _retriesAdvised;

    private sealed record PageView(long Started, int RetriesAdvised, VisitAnswer Last);

    [Fact]
    public async Task A_caller_that_retries_only_when_told_counts_each_page_view_at_most_once_through_a_pause_and_a_kill()
    {
        await using var target = await RestartableDeployment.StartAsync("retry-advice-dynalite", Callers);
        var (deployment, api) = (target.Deployment, target.Api);
        var before = await api.GetViewsAsync();

        await using var views = new SteadyLoad<PageView>(Callers, () => ViewPageAsync(api));
        int AcknowledgedSince(long moment) => views.Count(v => v.Started > moment && v.Last.IsOk);

        await Eventually.WaitForAsync(() => AcknowledgedSince(0) >= OkPerPhase, "page views before the pause");
        deployment.Dynalite.Process.Pause(); // requests arrive and wait; their answers come too late
        await Task.Delay(Pause);
        deployment.Dynalite.Process.Resume();
        var resumed = Stopwatch.GetTimestamp();
        await Eventually.WaitForAsync(() => AcknowledgedSince(resumed) >= OkPerPhase, "page views after the pause");

        await deployment.Dynalite.StopAsync(); // SIGKILL: connections refused until it is back
        var advisedBeforeOutage = Volatile.Read(ref _retriesAdvised);
        await Eventually.WaitForAsync(() => Volatile.Read(ref _retriesAdvised) >= advisedBeforeOutage + Callers, "retries advised during the outage");
        await deployment.Dynalite.StartAsync();
        var restarted = Stopwatch.GetTimestamp();
        await Eventually.WaitForAsync(() => AcknowledgedSince(restarted) >= OkPerPhase, "page views after the restart");
        var all = await views.StopAsync();
        var growth = await api.GetViewsAsync() - before;

        var acknowledged = all.Where(v => v.Last.IsOk).ToList();
        var maybeCounted = all.Count(v => v.Last is { Status: HttpStatusCode.ServiceUnavailable, HasRetryAfter: false });
        var retried = all.Where(v => v.RetriesAdvised > 0).ToList();
        output.WriteLine($"{all.Count} page views: {acknowledged.Count} acknowledged ({retried.Count(v => v.Last.IsOk)} of them after a retry), " +
            $"{maybeCounted} answered 'may have been counted'; {retried.Sum(v => v.RetriesAdvised)} retries advised; views grew by {growth}");

        // Both kinds of failure happened: the test exercised what it is about.
        Assert.True(maybeCounted > 0, "the pause produced no 'may have been counted' answer");
        Assert.True(retried.Count > 0, "the kill produced no answer with Retry-After");
        var unexpected = all.Where(v => !v.Last.IsOk && (v.Last.Status != HttpStatusCode.ServiceUnavailable || v.Last.HasRetryAfter)).ToList();
        Assert.True(unexpected.Count == 0, $"page views ended otherwise: {string.Join("; ", unexpected.Take(5).Select(v => v.Last))}");
        Assert.All(all.Where(v => !v.Last.IsOk), v => Assert.Contains("may have been counted", v.Last.Message));

        // Nothing acknowledged was lost, each acknowledged view got a count of its own ...
        Assert.Equal(acknowledged.Count, acknowledged.Select(v => v.Last.Views).Distinct().Count());
        Assert.True(growth >= acknowledged.Count, $"{acknowledged.Count} page views acknowledged, views grew by {growth}");
        // ... and a page view added at most one view: the only surplus is a write whose answer said it may have landed.
        Assert.True(growth <= acknowledged.Count + maybeCounted,
            $"views grew by {growth}: {acknowledged.Count} acknowledged + {maybeCounted} 'may have been counted' — a retry counted twice");
    }

    /// <summary>One page view: sent again only while the answer says so (503 + Retry-After), after the delay it gives.</summary>
    private async Task<PageView> ViewPageAsync(VisitsApi api)
    {
        var started = Stopwatch.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.PostVisitAsync();
            if (answer.RetryAfter is not { } delay || attempt == AttemptsPerPageView)
            {
                return new PageView(started, attempt - 1, answer);
            }
            Interlocked.Increment(ref _retriesAdvised);
            await Task.Delay(delay);
        }
    }
}

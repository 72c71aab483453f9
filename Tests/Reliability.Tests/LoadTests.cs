using System.Collections.Concurrent;

namespace CloudResume.Tests.Reliability;

[Collection(ServingCollection.Name)]
public sealed class LoadTests(DeploymentFixture fixture)
{
    private const int Visits = 10_000;
    private const int Callers = 64;

    [Fact]
    public async Task Ten_thousand_concurrent_visits_are_each_answered_and_counted_exactly_once()
    {
        var (deployment, api) = (fixture.Deployment, fixture.Api);
        await deployment.WarmUpAsync(api, Callers);
        var before = await api.GetViewsAsync();

        var failures = new ConcurrentBag<VisitAnswer>();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= Visits)
            {
                var answer = await api.PostVisitAsync();
                if (!answer.IsOk)
                {
                    failures.Add(answer);
                }
            }
        })));

        var after = await api.GetViewsAsync();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Visits} visits were not answered 200, e.g. {string.Join("; ", failures.Take(5))}\n{deployment.Emulator.Process.Tail()}");
        Assert.Equal(before + Visits, after);
    }
}

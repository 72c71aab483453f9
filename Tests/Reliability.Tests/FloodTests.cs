using System.Collections.Concurrent;
using Xunit.Abstractions;

namespace CloudResume.Tests.Reliability;

/// <summary>
/// One client flooding the API, with the function's daily allowances in force (docs/contracts.md): what the flood
/// adds to the counts, and what it leaves for a real visitor. Each test plays its clients from loopback addresses
/// of their own (the function sees them as different visitors' addresses).
/// </summary>
public sealed class FloodTests(ITestOutputHelper output)
{
    private const int FloodConnections = 32;
    private static readonly TimeSpan FloodFor = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan VisitorPace = TimeSpan.FromMilliseconds(100);

    private const string Firefox = VisitsApi.BrowserUserAgent;
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{0}.0.0.0 Safari/537.36";

    [Fact]
    public async Task A_reloading_visitor_adds_exactly_its_daily_views_a_flood_at_most_that_per_environment_and_every_reload_is_answered()
    {
        await using var deployment = await ReliabilityDeployment.StartAsync(visitLimits: true);
        await deployment.WarmUpAsync(FloodConnections);
        using var flooder = new VisitsApi(deployment.Emulator.GatewayPort, Firefox, Loopback(11));
        var (views, visitors) = await CountsAsync(deployment);

        var answers = new ConcurrentQueue<VisitAnswer>();
        await Parallel.ForAsync(0, 1_000, new ParallelOptions { MaxDegreeOfParallelism = FloodConnections },
            async (_, _) => answers.Enqueue(await flooder.PostVisitAsync()));
        var (viewsAfter, visitorsAfter) = await CountsAsync(deployment);

        // One connection reloading: one environment at a time serves it, and the allowance is exact.
        using var reloader = new VisitsApi(deployment.Emulator.GatewayPort, string.Format(Chrome, 120), Loopback(14));
        for (var i = 0; i < 3 * MaxViews; i++)
        {
            var answer = await reloader.PostVisitAsync();
            Assert.True(answer.IsOk, $"reload {i + 1}: {answer}");
        }
        var (viewsAtLast, _) = await CountsAsync(deployment);
        output.WriteLine($"{3 * MaxViews} reloads one after another: views +{viewsAtLast - viewsAfter}");

        var environments = deployment.Emulator.FunctionProcessIds().Count;
        output.WriteLine($"1,000 reloads from one visitor over {environments} execution environments: views +{viewsAfter - views}, visitors +{visitorsAfter - visitors}");
        Assert.All(answers, answer => Assert.True(answer.IsOk, $"a reload: {answer}"));
        Assert.Equal(1, visitorsAfter - visitors);
        Assert.Equal(MaxViews, viewsAtLast - viewsAfter);
        // Each environment learns its views from its marker on its first reload there and counts on to the allowance:
        // at most the allowance in each environment the flood reaches at once, exactly it when one serves it.
        Assert.InRange(viewsAfter - views, MaxViews, MaxViews * environments);
    }

    [Fact]
    public async Task Rotating_user_agents_from_one_address_adds_at_most_the_addresss_daily_visitors()
    {
        await using var deployment = await ReliabilityDeployment.StartAsync(visitLimits: true);
        await deployment.WarmUpAsync(FloodConnections);
        var (views, visitors) = await CountsAsync(deployment);

        var answers = new ConcurrentQueue<VisitAnswer>();
        await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = FloodConnections }, async (version, _) =>
        {
            using var rotating = new VisitsApi(deployment.Emulator.GatewayPort, string.Format(Chrome, 100 + version), Loopback(12));
            answers.Enqueue(await rotating.PostVisitAsync());
        });
        var (viewsAfter, visitorsAfter) = await CountsAsync(deployment);

        var environments = deployment.Emulator.FunctionProcessIds().Count;
        output.WriteLine($"200 user agents from one address over {environments} execution environments: views +{viewsAfter - views}, visitors +{visitorsAfter - visitors}");
        Assert.All(answers, answer => Assert.True(answer.IsOk, $"a rotated user agent: {answer}"));
        // The address's marker counts its new visitors across environments; the refused ones add no views either.
        Assert.Equal((MaxVisitors, MaxVisitors), (visitorsAfter - visitors, viewsAfter - views));

        // Another address is a household of its own.
        using var neighbour = new VisitsApi(deployment.Emulator.GatewayPort, Firefox, Loopback(13));
        Assert.Equal(viewsAfter + 1, (await neighbour.PostVisitAsync()).Views);
    }

    [Fact]
    public async Task A_one_client_flood_leaves_the_emulator_serving_a_second_client()
    {
        // The stage throttle lifted: what remains is the emulator itself and the function's concurrency.
        await using var deployment = await ReliabilityDeployment.StartAsync(visitLimits: true);
        await deployment.WarmUpAsync(FloodConnections + 2);

        var (flood, visitor) = await FloodWithVisitorAsync(deployment);

        output.WriteLine($"flood: {flood.Summary}; second client: {visitor.Summary}");
        Assert.True(visitor.SuccessRate >= 0.95, $"the second client under a flood: {visitor.Summary}");
        Assert.True(flood.Ok > 10 * visitor.Ok, $"not a flood: {flood.Summary}");
    }

    [Fact]
    public async Task At_the_templates_throttle_a_one_client_flood_gets_the_stages_tokens_and_no_more_and_another_client_is_answered_within_a_second_as_in_AWS()
    {
        // API Gateway's stage throttle is one token bucket for all clients (an HTTP API has no per-client limit): a flood
        // takes nearly every token and others mostly get 429, as in AWS (docs/deploy.md, "Floods"). What the throttle
        // guarantees is the cost bound and a quick answer for everyone, which this holds.
        await using var deployment = await ReliabilityDeployment.StartAsync(visitLimits: true, templateQuotas: true);
        var api = LocalTemplate.Load().Api;
        var (rate, burst) = (api.ThrottlingRateLimit!.Value, api.ThrottlingBurstLimit!.Value);

        var (flood, visitor) = await FloodWithVisitorAsync(deployment);

        output.WriteLine($"throttle {rate}/s, burst {burst}; flood: {flood.Summary}; second client: {visitor.Summary}");
        var allowed = burst + rate * flood.Seconds;
        Assert.InRange(flood.Ok + visitor.Ok, allowed * 0.5, allowed * 1.1); // the bucket's tokens are granted, and no more
        Assert.All(flood.Answers.Concat(visitor.Answers), answer =>
            Assert.True(answer.IsOk || answer.Status == HttpStatusCode.TooManyRequests, $"an answer under the flood: {answer}"));
        Assert.True(visitor.Answers.Count >= FloodFor / VisitorPace / 2, $"the second client was kept waiting: {visitor.Summary}");
        Assert.All(visitor.Latencies, latency => Assert.True(latency < TimeSpan.FromSeconds(1), $"the second client waited {latency.TotalMilliseconds:0} ms"));
    }

    private const int MaxViews = 10;
    private const int MaxVisitors = 10;

    private sealed record Outcome(IReadOnlyList<VisitAnswer> Answers, IReadOnlyList<TimeSpan> Latencies, double Seconds)
    {
        public int Ok => Answers.Count(a => a.IsOk);

        public double SuccessRate => Answers.Count == 0 ? 0 : (double)Ok / Answers.Count;

        public string Summary
        {
            get
            {
                var sorted = Latencies.Order().ToList();
                var p99 = sorted.Count == 0 ? TimeSpan.Zero : sorted[(int)(0.99 * (sorted.Count - 1))];
                return $"{Answers.Count} requests in {Seconds:0.0} s, {Ok} answered 200 ({SuccessRate:P1}), " +
                    $"{Answers.Count(a => a.Status == HttpStatusCode.TooManyRequests)} answered 429, p99 {p99.TotalMilliseconds:0} ms";
            }
        }
    }

    /// <summary>
    /// <see cref="FloodConnections"/> connections of one client (one address, one browser) sending reloads back to back,
    /// while a second visitor from another address asks every <see cref="VisitorPace"/>.
    /// </summary>
    private static async Task<(Outcome Flood, Outcome Visitor)> FloodWithVisitorAsync(LocalDeployment deployment)
    {
        using var flooder = new VisitsApi(deployment.Emulator.GatewayPort, Firefox, Loopback(21));
        using var visitor = new VisitsApi(deployment.Emulator.GatewayPort, string.Format(Chrome, 131), Loopback(22));
        using var stop = new CancellationTokenSource(FloodFor);
        var started = Stopwatch.GetTimestamp();
        var flood = Task.WhenAll(Enumerable.Range(0, FloodConnections).Select(_ => Task.Run(() => CallUntilAsync(flooder, TimeSpan.Zero, stop.Token))));
        var visits = await CallUntilAsync(visitor, VisitorPace, stop.Token);
        var flooded = (await flood).SelectMany(c => c).ToList();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return (Outcome(flooded, seconds), Outcome(visits, seconds));

        static Outcome Outcome(IReadOnlyList<(VisitAnswer Answer, TimeSpan Latency)> calls, double seconds) =>
            new([.. calls.Select(c => c.Answer)], [.. calls.Select(c => c.Latency)], seconds);
    }

    private static async Task<List<(VisitAnswer, TimeSpan)>> CallUntilAsync(VisitsApi api, TimeSpan pace, CancellationToken stop)
    {
        var calls = new List<(VisitAnswer, TimeSpan)>();
        while (!stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            calls.Add((await api.PostVisitAsync(), Stopwatch.GetElapsedTime(started)));
            if (pace > TimeSpan.Zero)
            {
                await Task.Delay(pace, CancellationToken.None);
            }
        }
        return calls;
    }

    private static async Task<(long Views, long Visitors)> CountsAsync(LocalDeployment deployment)
    {
        using var reader = new VisitsApi(deployment.Emulator.GatewayPort, Firefox, Loopback(2));
        var answer = await reader.GetVisitsAsync();
        Assert.True(answer.IsOk, $"GET /visits: {answer}");
        return (answer.Views!.Value, answer.Visitors!.Value);
    }

    private static IPAddress Loopback(int host) => new([127, 0, 0, (byte)host]);
}

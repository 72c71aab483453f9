using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>The real function processes behind the emulator's Lambda, and dynalite: what a visitor would see.</summary>
[Collection(EmulatedLambdaCollection.Name)]
public sealed class FunctionCountingTests(EmulatedLambda lambda) : EmulatedLambdaTests(lambda)
{
    private async Task<LocalProcess[]> StartFunctions(int count = 1, params (string Name, string Value)[] settings)
    {
        var environment = Lambda.FunctionEnvironment(Table);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }
        var functions = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => Lambda.StartFunctionAsync(environment)));
        if (count > 1)
        {
            // A process's first invocation costs about a second of JIT and SDK start-up; several at once on a small
            // machine would spend Lambda's 5 s. Waiting processes take events in turn, so one read each warms them one by one.
            foreach (var _ in functions)
            {
                await Get();
            }
        }
        return functions;
    }

    private Task<FunctionResult> Post(string ip = "203.0.113.7", string userAgent = ApiEvents.Browser) =>
        Answered(ApiEvents.Json("POST", sourceIp: ip, userAgent: userAgent));

    private Task<FunctionResult> Get(IReadOnlyDictionary<string, string>? query = null) => Answered(ApiEvents.Json("GET", query: query));

    private async Task<FunctionResult> Answered(string payload)
    {
        var result = await Lambda.InvokeAsync(payload);
        Assert.False(result.IsError, result.ToString());
        return result;
    }

    [Fact]
    public async Task Post_counts_and_get_does_not()
    {
        await StartFunctions();

        var first = await Post();
        var read = await Get();
        var readAgain = await Get();
        var second = await Post();

        Assert.Equal(200, first.StatusCode);
        Assert.Equal("application/json", first.Header("content-type"));
        Assert.Equal("no-store", first.Header("cache-control"));
        Assert.Equal((1, 1), (first.Views, first.Visitors));
        Assert.Equal((1, 1), (read.Views, read.Visitors));
        Assert.Equal((1, 1), (readAgain.Views, readAgain.Visitors));
        Assert.Equal(2, second.Views);
    }

    [Fact]
    public async Task A_visitor_is_counted_once_per_day_views_every_time()
    {
        await StartFunctions();

        var first = await Post(ip: "198.51.100.1", userAgent: ApiEvents.Browser);
        var again = await Post(ip: "198.51.100.1", userAgent: ApiEvents.Browser);
        var otherBrowser = await Post(ip: "198.51.100.1", userAgent: ApiEvents.OtherBrowser);
        var otherIp = await Post(ip: "198.51.100.2", userAgent: ApiEvents.Browser);

        Assert.Equal((1, 1), (first.Views, first.Visitors));
        Assert.Equal((2, 1), (again.Views, again.Visitors));
        Assert.Equal((3, 2), (otherBrowser.Views, otherBrowser.Visitors));
        Assert.Equal((4, 3), (otherIp.Views, otherIp.Visitors));
    }

    [Theory]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.32.3")]
    [InlineData("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    public async Task Bots_tools_and_monitors_see_the_counts_but_are_not_counted(string userAgent)
    {
        await StartFunctions();
        await Post();

        var notCounted = await Post(userAgent: userAgent);
        var after = await Get();

        Assert.Equal(200, notCounted.StatusCode);
        Assert.Equal((1, 1), (notCounted.Views, notCounted.Visitors));
        Assert.Equal((1, 1), (after.Views, after.Visitors));
    }

    [Fact]
    public async Task A_visitor_adds_at_most_its_daily_views_and_rotating_user_agents_at_most_the_addresss_daily_visitors()
    {
        await StartFunctions(1, ("MAX_VIEWS_PER_VISITOR_PER_DAY", "3"), ("MAX_VISITORS_PER_ADDRESS_PER_DAY", "2"));

        var reloads = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            reloads.Add((await Post(ip: "198.51.100.50")).Views);
        }
        var rotated = new List<FunctionResult>();
        for (var version = 100; version < 104; version++)
        {
            rotated.Add(await Post(ip: "198.51.100.50", userAgent: ApiEvents.Browser.Replace("Chrome/131.0", $"Chrome/{version}.0")));
        }
        var after = await Get();

        Assert.Equal([1, 2, 3, 3, 3], reloads); // answered every time, counted three times
        Assert.Equal((4, 2), (after.Views, after.Visitors)); // one more user agent counted, then the address's allowance is spent
        Assert.All(rotated, r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task Rotating_user_agents_across_processes_adds_exactly_the_addresss_daily_visitors_and_their_views()
    {
        const int Processes = 3;
        await StartFunctions(Processes, ("MAX_VISITORS_PER_ADDRESS_PER_DAY", "2"));
        var before = await Get();

        for (var version = 100; version < 112; version++)
        {
            await Post(ip: "198.51.100.60", userAgent: ApiEvents.Browser.Replace("Chrome/131.0", $"Chrome/{version}.0"));
        }
        var after = await Get();

        // The address's marker counts new visitors across processes, before anything is counted.
        Assert.Equal((2, 2), (after.Visitors - before.Visitors, after.Views - before.Views));
    }

    [Fact]
    public async Task Get_with_days_returns_one_entry_per_day_oldest_first_with_zeros()
    {
        await StartFunctions();
        await Post();
        await Post(ip: "198.51.100.9");

        var result = await Get(ApiEvents.Days("7"));

        var daily = result.Json.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(7, daily.Count);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var dates = daily.Select(d => d.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Equal(today, dates[^1]);
        Assert.Equal((2, 2), (daily[^1].GetProperty("views").GetInt64(), daily[^1].GetProperty("visitors").GetInt64()));
        Assert.All(daily[..^1], d => Assert.Equal(0, d.GetProperty("views").GetInt64()));
        Assert.Equal((2, 2), (result.Views, result.Visitors));
    }

    [Fact]
    public async Task Stored_items_follow_the_contract_and_never_hold_the_ip()
    {
        var functions = await StartFunctions();
        await Post(ip: "192.0.2.123");

        using var client = Lambda.Dynalite.CreateClient();
        var items = (await client.ScanAsync(new ScanRequest { TableName = Table })).Items;
        var ids = items.Select(i => i["Id"].S).ToList();
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var expectedExpiry = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(2), TimeSpan.Zero).ToUnixTimeSeconds();

        var total = Assert.Single(items, i => i["Id"].S == "total");
        Assert.Equal(("1", "1"), (total["Views"].N, total["Visitors"].N));
        var compactDay = DateTime.UtcNow.ToString("yyyyMMdd");
        Assert.Equal(("1", "1"), (total[$"v{compactDay}"].N, total[$"u{compactDay}"].N));
        Assert.Equal(["Id", "Views", "Visitors", $"u{compactDay}", $"v{compactDay}"], total.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(ids, id => id.StartsWith("day#", StringComparison.Ordinal)); // the series lives on total
        Assert.Equal(4, items.Count); // total, the day's salt, one visitor marker, one address marker
        var salt = Assert.Single(items, i => i["Id"].S == $"salt#{day}");
        Assert.Equal(32, salt["Salt"].B.Length);
        Assert.Equal(expectedExpiry, long.Parse(salt["ExpiresAt"].N));
        var visitor = Assert.Single(items, i => i["Id"].S.StartsWith($"visitor#{day}#", StringComparison.Ordinal));
        Assert.Equal(expectedExpiry, long.Parse(visitor["ExpiresAt"].N));
        Assert.Equal("1", visitor["Views"].N);
        var address = Assert.Single(items, i => i["Id"].S.StartsWith($"address#{day}#", StringComparison.Ordinal));
        Assert.Equal((expectedExpiry, "1"), (long.Parse(address["ExpiresAt"].N), address["Visitors"].N));
        Assert.Equal(3, address["Id"].S.Split('#')[2].Length); // 16 bits of HMAC: ~65,536 IPv4 addresses per value, never one
        Assert.DoesNotContain(items.SelectMany(i => i.Values), v => (v.S ?? "").Contains("192.0.2.123"));
        Assert.DoesNotContain(functions.SelectMany(f => f.StdoutLines), line => line.Contains("192.0.2.123"));
    }

    [Fact]
    public async Task Get_with_ninety_days_reads_the_whole_series_in_one_request()
    {
        await StartFunctions();
        await Post();

        var result = await Get(ApiEvents.Days("90"));

        var daily = result.Json.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(90, daily.Count);
        Assert.Equal(DateTime.UtcNow.AddDays(-89).ToString("yyyy-MM-dd"), daily[0].GetProperty("date").GetString());
        Assert.Equal(1, daily[^1].GetProperty("views").GetInt64());
        Assert.Equal(1, daily.Sum(d => d.GetProperty("views").GetInt64()));
    }

    [Fact]
    public async Task A_repeat_visitor_on_another_process_is_still_counted_once_per_day()
    {
        await StartFunctions(3);

        var results = new List<FunctionResult>();
        for (var i = 0; i < 9; i++)
        {
            results.Add(await Post(ip: "198.51.100.77"));
        }
        var series = await Get(ApiEvents.Days("1"));

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (long)i), results.Select(r => r.Views));
        Assert.All(results, r => Assert.Equal(1, r.Visitors));
        var today = Assert.Single(series.Json.GetProperty("daily").EnumerateArray().ToList());
        Assert.Equal((9, 1), (today.GetProperty("views").GetInt64(), today.GetProperty("visitors").GetInt64()));
    }

    [Fact]
    public async Task Thousand_concurrent_posts_across_eight_processes_count_exactly()
    {
        // 20 views per visitor: over the default daily allowance, which this test is not about.
        await StartFunctions(8, ("MAX_VIEWS_PER_VISITOR_PER_DAY", "1000"));
        var results = new ConcurrentBag<FunctionResult>();

        // Four invokes in flight per process keep all eight busy, yet none waits long in the queue: Lambda's
        // timeout runs from the invoke, not from when a process picks the event up.
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => results.Add(await Post(ip: $"10.0.0.{i % 50}")));

        Assert.All(results, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), results.Select(r => r.Views).Order());
        var final = await Get(ApiEvents.Days("1"));
        Assert.Equal((1000, 50), (final.Views, final.Visitors));
        var today = Assert.Single(final.Json.GetProperty("daily").EnumerateArray().ToList());
        Assert.Equal((1000, 50), (today.GetProperty("views").GetInt64(), today.GetProperty("visitors").GetInt64()));
    }

    [Fact]
    public async Task Malformed_event_is_reported_as_an_error_and_the_next_invocation_works()
    {
        await StartFunctions();

        // Valid JSON (the Invoke API refuses anything else before a function sees it), but not an HTTP API event.
        var malformed = await Lambda.InvokeAsync("\"this is not an event\"");
        var v1 = await Lambda.InvokeAsync("{\"version\":\"1.0\",\"httpMethod\":\"POST\",\"path\":\"/visits\"}");
        var next = await Post();

        Assert.True(malformed.IsError, malformed.ToString());
        Assert.Equal("Unhandled", malformed.Invoke.FunctionError);
        Assert.Equal("Runtime.MalformedEvent", malformed.ErrorType);
        Assert.Contains("\"errorType\":\"Runtime.MalformedEvent\"", malformed.Invoke.Payload);
        Assert.Contains("\"stackTrace\":[]", malformed.Invoke.Payload);
        Assert.True(v1.IsError);
        Assert.Equal(200, next.StatusCode);
    }

    [Fact]
    public async Task Routing_errors_come_back_as_json()
    {
        await StartFunctions();

        var notFound = await Lambda.InvokeAsync(ApiEvents.Json("GET", "/nope"));
        var wrongMethod = await Lambda.InvokeAsync(ApiEvents.Json("DELETE"));

        Assert.Equal(404, notFound.StatusCode);
        Assert.Equal("Not Found", notFound.Json.GetProperty("message").GetString());
        Assert.Equal(405, wrongMethod.StatusCode);
        Assert.Equal("GET, POST", wrongMethod.Header("allow"));
    }
}

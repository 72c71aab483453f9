using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Contracts.Visits;

namespace CloudResume.Bench;

/// <summary>
/// Throughput and latency of counting a visit at concurrency 1, 8, 32, 64, every variant in the same run
/// against the same dynalite: (a) one raw UpdateItem ADD — the physical limit; (a3) three parallel ADDs —
/// the DynamoDB work the function does per repeat visit; (b) the seed's UpdateItem then GetItem; (c) POST
/// /visits end to end (gateway → Runtime API → Native AOT function → dynalite). Then the function's peak RSS
/// under that load, the zip size, and a separate counting pass: DynamoDB requests per POST.
/// Run: dotnet run --project bench/Bench -c Release -- throughput
/// </summary>
public static class ThroughputBenchmark
{
    private static readonly int[] Levels = [1, 8, 32, 64];
    private const int Operations = 3000;
    private const int Warmup = 300;

    public static async Task<ThroughputReport> RunAsync()
    {
        await BenchEnvironment.EnsureBuiltAsync();
        var cost = await MeasureDynamoDbCostAsync();
        var results = new List<(string Variant, LoadResult Result)>();
        long[] peakRssKib;
        await using (var deployment = await LocalDeployment.StartAsync(Deployment()))
        using (var dynamo = deployment.Dynalite.CreateClient())
        using (var http = CreateHttpClient(deployment.Emulator.Gateway))
        {
            var variants = new (string Name, Func<Task> Operation)[]
            {
                ("(a) raw UpdateItem ADD", () => AddAsync(dynamo, "bench#raw")),
                ("(a3) 3 parallel ADDs", () => Task.WhenAll(AddAsync(dynamo, "bench#t"), AddAsync(dynamo, "bench#d"), AddAsync(dynamo, "bench#m"))),
                ("(b) seed: UpdateItem then GetItem", () => SeedVisitAsync(dynamo)),
                ("(c) POST /visits end to end", () => PostVisitAsync(http)),
            };
            foreach (var level in Levels)
            {
                // Levels outer, variants inner: machine drift hits every variant of a level alike.
                foreach (var (name, operation) in variants)
                {
                    await LoadRunner.RunAsync(level, Warmup, operation);
                    var result = await LoadRunner.RunAsync(level, Operations, operation);
                    results.Add((name, result));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} c={level,-3} {result.OpsPerSecond,8:F0} ops/s  p50 {result.P50,7:F2} ms  p99 {result.P99,7:F2} ms  failures {result.Failures}"));
                }
            }
            peakRssKib = FunctionPeakRss(deployment.Emulator);
        }
        return new ThroughputReport(results, peakRssKib, new FileInfo(RepositoryLayout.Current.FunctionZip).Length, cost);
    }

    /// <summary>The Native AOT function with 72 environments for 64 callers and no stage throttle: the load is the point.</summary>
    private static LocalDeploymentOptions Deployment(Func<int, string>? dynamoDbEndpoint = null) => new()
    {
        Function = FunctionBuild.Aot,
        Parameters = BenchVisitor.CountEverything,
        DynamoDbEndpoint = dynamoDbEndpoint,
    };

    private static HttpClient CreateHttpClient(Uri gateway)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = gateway };
        http.DefaultRequestHeaders.UserAgent.ParseAdd(BenchVisitor.UserAgent);
        return http;
    }

    private static async Task PostVisitAsync(HttpClient http, string path = "/visits")
    {
        using var response = await http.PostAsync(path, null);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static Task AddAsync(IAmazonDynamoDB dynamo, string id) => dynamo.UpdateItemAsync(new UpdateItemRequest
    {
        TableName = LocalTemplate.DefaultTableName,
        Key = new() { [TableKeys.Id] = new AttributeValue { S = id } },
        UpdateExpression = "ADD #views :one",
        ExpressionAttributeNames = new() { ["#views"] = TableKeys.Views },
        ExpressionAttributeValues = new() { [":one"] = new AttributeValue { N = "1" } },
        ReturnValues = ReturnValue.UPDATED_NEW,
    });

    // The seed (Python): update_item ADD VisitTotal, then a separate get_item to read it back.
    private static async Task SeedVisitAsync(IAmazonDynamoDB dynamo)
    {
        var key = new Dictionary<string, AttributeValue> { [TableKeys.Id] = new() { S = "bench#seed" } };
        await dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = LocalTemplate.DefaultTableName,
            Key = key,
            UpdateExpression = "ADD VisitTotal :inc",
            ExpressionAttributeValues = new() { [":inc"] = new AttributeValue { N = "1" } },
        });
        await dynamo.GetItemAsync(new GetItemRequest { TableName = LocalTemplate.DefaultTableName, Key = key });
    }

    /// <summary>VmHWM of each execution environment (bootstrap child of the emulator), KiB, highest first.</summary>
    private static long[] FunctionPeakRss(EmulatorServer emulator) =>
        [.. emulator.FunctionProcessIds().Select(pid => ProcessStats.Kib(pid)).OfType<long>().OrderDescending()];

    /// <summary>DynamoDB requests per POST, by action: a new visitor's first visit, then repeat visits, then a GET.</summary>
    private static async Task<string> MeasureDynamoDbCostAsync()
    {
        DynamoDbRequestCounter? counter = null;
        await using var deployment = await LocalDeployment.StartAsync(Deployment(port =>
        {
            counter = new DynamoDbRequestCounter(port);
            return $"http://127.0.0.1:{counter.Port}";
        }));
        using (counter)
        using (var http = CreateHttpClient(deployment.Emulator.Gateway))
        {
            var text = new StringBuilder();
            async Task MeasureAsync(string what, int calls, Func<Task> call)
            {
                counter!.Reset();
                for (var i = 0; i < calls; i++)
                {
                    await call();
                }
                var byAction = counter.ByAction.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {(double)kv.Value / calls:0.##}"));
                var total = (double)counter.ByAction.Values.Sum() / calls;
                text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {total:0.##} | {string.Join(", ", byAction)} |"));
            }
            await MeasureAsync("first POST of the day (new visitor, day salt created)", 1, () => PostVisitAsync(http));
            await MeasureAsync("repeat POST (same visitor)", 200, () => PostVisitAsync(http));
            await MeasureAsync("the page's repeat POST /visits?days=30 (counts and the 30-day series)", 200, () => PostVisitAsync(http, "/visits?days=30"));
            await MeasureAsync("GET /visits", 200, async () => (await http.GetAsync("/visits")).Dispose());
            return text.ToString();
        }
    }
}

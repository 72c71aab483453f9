using CloudResume.Contracts.Visits;

namespace CloudResume.Bench;

/// <summary>
/// CPU per request by component, driven by an outside client (autocannon) in one run against one in-memory dynalite:
/// (raw) UpdateItem ADD straight to dynalite, and POST /visits end to end (gateway → Runtime API → Native AOT
/// function → dynalite). Each process's CPU is read from /proc/PID/stat before and after the same timed load:
/// µs per request for the client, the emulator, every execution environment together, and dynalite. Then the
/// emulator's memory through 100,000 POSTs at concurrency 50, and after.
/// Run: dotnet run --project bench/Bench -c Release -- cpu
/// </summary>
public static class CpuBudgetBenchmark
{
    private static readonly int[] Levels = [2, 8, 64];
    private const int Seconds = 10;
    private const int WarmupSeconds = 3;

    public sealed record Row(int Concurrency, Autocannon.Result EndToEnd, Budget EndToEndCpu, Autocannon.Result Raw, Budget RawCpu)
    {
        public double Ratio => EndToEnd.RequestsPerSecond / Raw.RequestsPerSecond;
    }

    /// <summary>CPU µs per request of each component over one load.</summary>
    public sealed record Budget(double Client, double Emulator, double Function, double Dynalite);

    public sealed record MemoryResult(long StartRssKib, long Requests, double Seconds, long PeakRssKib, long AfterRssKib, long Non2xx);

    public static async Task<(IReadOnlyList<Row> Rows, MemoryResult Memory)> RunAsync()
    {
        await BenchEnvironment.EnsureBuiltAsync();
        await using var deployment = await LocalDeployment.StartAsync(new LocalDeploymentOptions
        {
            Function = FunctionBuild.Aot,
            Parameters = BenchVisitor.CountEverything,
        });
        var startRss = ProcessStats.Kib(deployment.Emulator.Process.Id, "VmRSS") ?? 0;
        var visits = EndToEnd(deployment);
        var raw = RawUpdateItem(deployment);
        // The emulator's JIT and tiering settle before anything is measured: steady state, not start-up.
        await Autocannon.RunAsync(visits(8, 3 * WarmupSeconds));
        var rows = new List<Row>();
        foreach (var level in Levels)
        {
            await Autocannon.RunAsync(visits(level, WarmupSeconds)); // starts the environments this level needs
            var (endToEnd, endToEndCpu) = await MeasureAsync(deployment, visits(level, Seconds));
            await Autocannon.RunAsync(raw(level, WarmupSeconds));
            var (rawResult, rawCpu) = await MeasureAsync(deployment, raw(level, Seconds));
            var row = new Row(level, endToEnd, endToEndCpu, rawResult, rawCpu);
            rows.Add(row);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  c={level,-3} POST /visits {endToEnd.RequestsPerSecond,7:F0}/s  raw {rawResult.RequestsPerSecond,7:F0}/s  ratio {row.Ratio:F2}  " +
                $"µs/request: function {endToEndCpu.Function:F0}  emulator {endToEndCpu.Emulator:F0}  dynalite {endToEndCpu.Dynalite:F0}  client {endToEndCpu.Client:F0}"));
        }
        var memory = await MeasureMemoryAsync(deployment, visits, startRss);
        return (rows, memory);
    }

    public static string ToMarkdown(IReadOnlyList<Row> rows, MemoryResult memory)
    {
        var text = new StringBuilder();
        text.AppendLine("| concurrency | POST /visits end to end | raw UpdateItem ADD to dynalite (same client) | ratio | CPU µs per request: function (all environments) | emulator | dynalite | client | raw: dynalite | raw: client | POST p50 / p99 ms | failures |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Concurrency} | {r.EndToEnd.RequestsPerSecond:F0}/s | {r.Raw.RequestsPerSecond:F0}/s | {r.Ratio:F2} | {r.EndToEndCpu.Function:F0} | {r.EndToEndCpu.Emulator:F0} | {r.EndToEndCpu.Dynalite:F0} | {r.EndToEndCpu.Client:F0} | {r.RawCpu.Dynalite:F0} | {r.RawCpu.Client:F0} | {r.EndToEnd.P50Ms:F0} / {r.EndToEnd.P99Ms:F0} | {r.EndToEnd.Non2xx + r.EndToEnd.Errors + r.EndToEnd.Timeouts + r.Raw.Non2xx + r.Raw.Errors} |"));
        }
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Emulator memory: RSS {memory.StartRssKib / 1024.0:F0} MB at start; {memory.Requests:N0} POSTs at concurrency 50 in {memory.Seconds:F0} s ({memory.Non2xx} not 2xx): peak {memory.PeakRssKib / 1024.0:F0} MB during, {memory.AfterRssKib / 1024.0:F0} MB 15 s after."));
        return text.ToString();
    }

    private static Func<int, int, JsonObject> EndToEnd(LocalDeployment deployment) => (connections, seconds) => new JsonObject
    {
        ["url"] = $"http://127.0.0.1:{deployment.Emulator.GatewayPort}/visits",
        ["method"] = "POST",
        ["headers"] = new JsonObject { ["user-agent"] = BenchVisitor.UserAgent },
        ["connections"] = connections,
        ["duration"] = seconds,
    };

    // The request the function's repeat visit sends, signed as far as dynalite looks (it checks the header's shape only).
    private static Func<int, int, JsonObject> RawUpdateItem(LocalDeployment deployment) => (connections, seconds) => new JsonObject
    {
        ["url"] = $"http://127.0.0.1:{deployment.Dynalite.Port}/",
        ["method"] = "POST",
        ["headers"] = new JsonObject
        {
            ["content-type"] = "application/x-amz-json-1.0",
            ["x-amz-target"] = "DynamoDB_20120810.UpdateItem",
            ["x-amz-date"] = "20261126T000000Z",
            ["authorization"] = "AWS4-HMAC-SHA256 Credential=local/20261126/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0",
        },
        ["body"] = $$$"""{"TableName":"{{{LocalTemplate.DefaultTableName}}}","Key":{"{{{TableKeys.Id}}}":{"S":"bench#raw"}},"UpdateExpression":"ADD #v :one","ExpressionAttributeNames":{"#v":"{{{TableKeys.Views}}}"},"ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}""",
        ["connections"] = connections,
        ["duration"] = seconds,
    };

    private static async Task<(Autocannon.Result Result, Budget Cpu)> MeasureAsync(LocalDeployment deployment, JsonObject load)
    {
        var before = Snapshot(deployment);
        var result = await Autocannon.RunAsync(load);
        var after = Snapshot(deployment);
        double PerRequest(long ticks) => ticks / ProcessStats.TicksPerSecond * 1e6 / Math.Max(1, result.Requests);
        // An environment started during the load counts from its start.
        var function = after.Functions.Sum(f => f.Value - before.Functions.GetValueOrDefault(f.Key));
        return (result, new Budget(PerRequest(result.ClientTicks), PerRequest(after.Emulator - before.Emulator), PerRequest(function), PerRequest(after.Dynalite - before.Dynalite)));
    }

    private sealed record CpuSnapshot(long Emulator, long Dynalite, Dictionary<int, long> Functions);

    private static CpuSnapshot Snapshot(LocalDeployment deployment) => new(
        ProcessStats.CpuTicks(deployment.Emulator.Process.Id) ?? 0,
        ProcessStats.CpuTicks(deployment.Dynalite.Process.Id) ?? 0,
        deployment.Emulator.FunctionProcessIds().ToDictionary(pid => pid, pid => ProcessStats.CpuTicks(pid) ?? 0));

    private static async Task<MemoryResult> MeasureMemoryAsync(LocalDeployment deployment, Func<int, int, JsonObject> visits, long startRss)
    {
        var emulator = deployment.Emulator.Process.Id;
        var load = visits(50, 0);
        load.Remove("duration");
        load["amount"] = 100_000;
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcessStats.Kib(emulator, "VmRSS") ?? 0);
                await Task.Delay(250);
            }
        });
        var result = await Autocannon.RunAsync(load);
        await sampling.CancelAsync();
        await sampler;
        await Task.Delay(TimeSpan.FromSeconds(15));
        return new MemoryResult(startRss, result.Requests, result.Seconds, peak, ProcessStats.Kib(emulator, "VmRSS") ?? 0, result.Non2xx + result.Errors + result.Timeouts);
    }
}

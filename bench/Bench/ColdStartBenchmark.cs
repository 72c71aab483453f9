using System.Collections.Concurrent;
using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;

namespace CloudResume.Bench;

/// <summary>
/// Cold start of the counter function: process start → first answered invocation, Native AOT `bootstrap`
/// vs the same build on the JIT, medians of 10 in the same run; then peak RSS (VmHWM) under a stream of
/// invocations, and the deployment zip's size. The function runs against the real emulator's Runtime API
/// (external-runtime mode: the benchmark starts each process, so it knows its pid and start time) and
/// dynalite with the template's table; invocations go through the emulator's Invoke API.
/// Run: dotnet run --project bench/Bench -c Release -- coldstart
/// </summary>
public static class ColdStartBenchmark
{
    private const int Runs = 10;
    private const int LoadInvocations = 500;

    // One process takes one event at a time (as in Lambda); a few waiting keep it busy without nearing the
    // template's reserved concurrency or its 5 s timeout, which also runs while an event waits.
    private const int InvocationsInFlight = 4;

    public static async Task<int> RunAsync()
    {
        await BenchEnvironment.EnsureBuiltAsync();
        var aot = FunctionBinary.PathOf(FunctionBuild.Aot);
        var jit = FunctionBinary.PathOf(FunctionBuild.Jit); // same code, this configuration, on the JIT

        await using var dynalite = await DynaliteServer.StartAsync();
        var table = await dynalite.CreateTableAsync(LocalTemplate.DefaultTableName);
        var settings = EmulatorServer.DefaultSettings(); // no function command: external runtimes
        BenchVisitor.CountEverythingIn(settings.Stack.Parameters);
        settings.Stack.PhysicalIds[table.LogicalId] = table.TableName;
        await using var emulator = await EmulatorServer.StartAsync(settings);
        var function = LocalTemplate.Load(tableName: table.TableName).Function;
        var runtime = new FunctionRuntime(function, emulator, dynalite);
        using var invoke = new LambdaInvokeClient(emulator.Runtime, function.FunctionName);

        var aotStarts = new List<double>();
        var jitStarts = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            // Interleaved, so machine noise hits both alike.
            aotStarts.Add(await ColdStartMs(runtime, aot, invoke));
            jitStarts.Add(await ColdStartMs(runtime, jit, invoke));
        }
        var (aotRss, aotRate, aotHandler) = await PeakRssUnderLoad(runtime, aot, invoke);
        var (jitRss, jitRate, jitHandler) = await PeakRssUnderLoad(runtime, jit, invoke);
        var aotMedian = Median(aotStarts);
        var jitMedian = Median(jitStarts);
        var zipBytes = new FileInfo(RepositoryLayout.Current.FunctionZip).Length;

        Console.WriteLine();
        Console.WriteLine("Counter.Lambda cold start and memory (emulator Runtime API, dynalite local, 2 cores)");
        Console.WriteLine($"{"metric",-44} {"AOT",12} {"JIT",12} {"goal",14}");
        Console.WriteLine(new string('-', 86));
        Console.WriteLine($"{"cold start, start → first answer (median ms)",-44} {aotMedian,12:F1} {jitMedian,12:F1} {"AOT ≤ JIT/10",14}");
        Console.WriteLine($"{"cold start min / max (ms)",-44} {$"{aotStarts.Min():F0}/{aotStarts.Max():F0}",12} {$"{jitStarts.Min():F0}/{jitStarts.Max():F0}",12}");
        Console.WriteLine($"{"ratio AOT / JIT",-44} {aotMedian / jitMedian,12:F3} {"",12} {"≤ 0.100",14}");
        Console.WriteLine($"{$"peak RSS after {LoadInvocations} POSTs (VmHWM MB)",-44} {aotRss / 1024.0,12:F1} {jitRss / 1024.0,12:F1} {"AOT < 40",14}");
        Console.WriteLine($"{"sequential POSTs per second (one process)",-44} {aotRate,12:F0} {jitRate,12:F0}");
        Console.WriteLine($"{"handler time per POST, warm (median ms)",-44} {aotHandler,12:F1} {jitHandler,12:F1}");
        Console.WriteLine($"{"deployment zip (MB)",-44} {zipBytes / 1024.0 / 1024.0,12:F2} {"",12} {"< 8",14}");
        Console.WriteLine($"{"bootstrap binary (MB)",-44} {new FileInfo(aot).Length / 1024.0 / 1024.0,12:F2}");
        return 0;
    }

    private static async Task<double> ColdStartMs(FunctionRuntime runtime, string executable, LambdaInvokeClient invoke)
    {
        var stopwatch = Stopwatch.StartNew();
        await using var function = runtime.Start(executable);
        // Queued in the emulator until the new process asks for its first event.
        await InvokeAsync(invoke, function);
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    private static async Task<(long PeakKib, double PerSecond, double HandlerMs)> PeakRssUnderLoad(
        FunctionRuntime runtime, string executable, LambdaInvokeClient invoke)
    {
        var durations = new ConcurrentBag<double>();
        await using var function = runtime.Start(executable, line =>
        {
            // The function's "Handled" record (one JSON object per line) carries its own handling time.
            if (HandledDurationMs(line) is { } ms)
            {
                durations.Add(ms);
            }
        });
        await InvokeAsync(invoke, function);
        durations.Clear(); // the cold one is not a warm handler time
        var stopwatch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, InvocationsInFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < LoadInvocations)
            {
                await InvokeAsync(invoke, function, $"10.1.{i / 250}.{i % 250}");
            }
        }));
        var rate = LoadInvocations / stopwatch.Elapsed.TotalSeconds;
        var peak = ProcessStats.Kib(function.Id) ?? throw new InvalidOperationException($"The function exited.\n{function.Output}");
        return (peak, rate, Median([.. durations]));
    }

    private static async Task InvokeAsync(LambdaInvokeClient invoke, LocalProcess function, string sourceIp = "198.51.100.20")
    {
        var result = await invoke.InvokeAsync(PostVisitsEvent(sourceIp));
        if (result.StatusCode != 200 || result.IsFunctionError
            || JsonSerializer.Deserialize(result.Payload, ContractsJsonContext.Default.HttpApiResponse)?.StatusCode != 200)
        {
            throw new InvalidOperationException($"Invoke answered {result.StatusCode} {result.FunctionError}: {result.Payload}\n{function.Output}");
        }
    }

    private static string PostVisitsEvent(string sourceIp) => JsonSerializer.Serialize(new HttpApiRequest
    {
        Version = "2.0",
        RouteKey = "POST /visits",
        RawPath = "/visits",
        Headers = new Dictionary<string, string> { ["user-agent"] = BenchVisitor.UserAgent, ["host"] = "bench" },
        RequestContext = new HttpApiRequestContext
        {
            Http = new HttpApiRequestHttp { Method = "POST", Path = "/visits", Protocol = "HTTP/1.1", SourceIp = sourceIp, UserAgent = BenchVisitor.UserAgent },
            RequestId = "bench",
            RouteKey = "POST /visits",
        },
    }, ContractsJsonContext.Default.HttpApiRequest);

    private static double? HandledDurationMs(string line)
    {
        try
        {
            return line.StartsWith('{') && JsonNode.Parse(line)?["durationMs"] is JsonValue value && value.TryGetValue<double>(out var ms) ? ms : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Starts the function's <c>bootstrap</c> as an external runtime of the emulator, with the environment Lambda would give it.</summary>
    private sealed class FunctionRuntime(FunctionDefinition function, EmulatorServer emulator, DynaliteServer dynalite)
    {
        public LocalProcess Start(string executable, Action<string>? onLine = null) =>
            LocalProcess.Start(new ProcessStart(executable, [])
                .WithEnvironment(function.Environment.Select(Variable))
                .WithEnvironment(dynalite.ClientEnvironment().Select(Variable))
                .WithEnvironment(new Dictionary<string, string?>
                {
                    ["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApiAddress,
                    ["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName,
                    ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
                    // Exporting telemetry would be measured too.
                    ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
                }), onLine);

        private static KeyValuePair<string, string?> Variable(KeyValuePair<string, string> pair) => new(pair.Key, pair.Value);
    }
}

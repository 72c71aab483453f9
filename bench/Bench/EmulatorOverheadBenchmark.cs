using CloudResume.Contracts;
using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.RuntimeApi;

namespace CloudResume.Bench;

/// <summary>
/// What the local API Gateway + Lambda Runtime API emulator adds to a request. Baseline: the same handler
/// answered by a plain HTTP endpoint (HttpListener) over loopback. Measured: client → emulator gateway →
/// event → Runtime API /next → an in-process C# runtime loop → /response → mapped answer. Both answer the
/// same body; sequential requests after warm-up; p50/p99 and the p50 overhead. Goal: p50 overhead &lt; 1 ms.
/// Run: dotnet run --project bench/Bench -c Release -- emulator
/// </summary>
public static class EmulatorOverheadBenchmark
{
    private const int Warmup = 1000;
    private const int Requests = 5000;
    private const string Body = """{"views":1234,"visitors":567}""";
    private static readonly byte[] BodyBytes = Encoding.UTF8.GetBytes(Body);
    private static readonly byte[] ProxyResponse = JsonSerializer.SerializeToUtf8Bytes(new HttpApiResponse
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
        Body = Body,
    }, ContractsJsonContext.Default.HttpApiResponse);

    public static async Task<int> RunAsync()
    {
        await BenchEnvironment.EnsureEmulatorBuiltAsync();

        using var client = new HttpClient();
        var baseline = await MeasureBaselineAsync(client);

        // No function command: the emulator waits for external runtimes, here the loop below.
        var settings = EmulatorServer.DefaultSettings();
        BenchVisitor.CountEverythingIn(settings.Stack.Parameters);
        await using var emulator = await EmulatorServer.StartAsync(settings);
        using var stop = new CancellationTokenSource();
        var runtime = RuntimeLoopAsync(emulator.Runtime, stop.Token);
        var measured = await MeasureAsync(client, new Uri(emulator.Gateway, "/visits"));
        await stop.CancelAsync();
        await runtime;

        Report("direct (HttpListener, same handler)", baseline);
        Report("emulator gateway → Runtime API → runtime", measured);
        var overhead = Percentile(measured, 50) - Percentile(baseline, 50);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p50 overhead: {overhead:0.000} ms (goal < 1 ms) — {(overhead < 1 ? "met" : "NOT met")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"p99 overhead: {Percentile(measured, 99) - Percentile(baseline, 99):0.000} ms"));
        return 0;
    }

    private static async Task<double[]> MeasureBaselineAsync(HttpClient client)
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var stop = new CancellationTokenSource();
        var server = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception) when (stop.IsCancellationRequested) { return; }
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = BodyBytes.Length;
                await context.Response.OutputStream.WriteAsync(BodyBytes);
                context.Response.Close();
            }
        });
        var samples = await MeasureAsync(client, new Uri($"http://127.0.0.1:{port}/visits"));
        stop.Cancel();
        listener.Stop();
        return samples;
    }

    private static async Task<double[]> MeasureAsync(HttpClient client, Uri url)
    {
        var samples = new double[Requests];
        for (var i = -Warmup; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode != HttpStatusCode.OK || body != Body)
            {
                throw new InvalidOperationException($"unexpected answer {(int)response.StatusCode}: {body}");
            }
            if (i >= 0) samples[i] = elapsed;
        }
        return samples;
    }

    // A minimal Runtime API client, as a custom runtime's bootstrap loop would be.
    private static async Task RuntimeLoopAsync(Uri runtimeApi, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = runtimeApi, Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var next = await http.GetAsync(RuntimeApiProtocol.Next, HttpCompletionOption.ResponseContentRead, cancellationToken);
                var requestId = next.Headers.GetValues(RuntimeApiProtocol.RequestIdHeader).First();
                _ = await next.Content.ReadAsByteArrayAsync(cancellationToken);
                using var content = new ByteArrayContent(ProxyResponse);
                using var posted = await http.PostAsync(RuntimeApiProtocol.Response(requestId), content, cancellationToken);
            }
        }
        catch (OperationCanceledException) { }
    }

    private static void Report(string name, double[] samples) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-45} n={samples.Length} p50={Percentile(samples, 50):0.000} ms  p99={Percentile(samples, 99):0.000} ms  mean={samples.Average():0.000} ms"));

    private static double Percentile(double[] samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

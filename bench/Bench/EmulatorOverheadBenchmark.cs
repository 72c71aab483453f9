using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
    private static readonly byte[] ProxyResponse = Encoding.UTF8.GetBytes(
        $$"""{"statusCode":200,"headers":{"content-type":"application/json"},"body":{{System.Text.Json.JsonSerializer.Serialize(Body)}}}""");

    public static async Task<int> RunAsync()
    {
        var root = BenchEnvironment.Root;
        var emulatorDll = Path.Combine(root, "Emulator", "bin", "Release", "net10.0", "Emulator.dll");
        Console.WriteLine("Building the emulator (dotnet build Emulator -c Release)...");
        using (var build = Process.Start(new ProcessStartInfo("dotnet", "build Emulator -c Release -nologo -v q") { WorkingDirectory = root })!)
        {
            await build.WaitForExitAsync();
            if (build.ExitCode != 0) return build.ExitCode;
        }

        using var client = new HttpClient();
        var baseline = await MeasureBaselineAsync(client);

        var gatewayPort = BenchEnvironment.FreePort();
        var runtimePort = BenchEnvironment.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[emulatorDll, "--template", "infra/template.yaml",
                     "--gateway-port", $"{gatewayPort}", "--runtime-port", $"{runtimePort}",
                     "--parameter", "ThrottlingRateLimit=1000000", "--parameter", "ThrottlingBurstLimit=1000000"])
        {
            start.ArgumentList.Add(argument);
        }
        // Per-request console logging would measure the console, not the emulator.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var emulator = Process.Start(start)!;
        emulator.OutputDataReceived += (_, _) => { };
        emulator.ErrorDataReceived += (_, _) => { };
        emulator.BeginOutputReadLine();
        emulator.BeginErrorReadLine();
        using var stop = new CancellationTokenSource();
        try
        {
            await WaitForHealthAsync(client, runtimePort);
            var runtime = RuntimeLoopAsync(runtimePort, stop.Token);
            var measured = await MeasureAsync(client, new Uri($"http://127.0.0.1:{gatewayPort}/visits"));
            stop.Cancel();

            Report("direct (HttpListener, same handler)", baseline);
            Report("emulator gateway → Runtime API → runtime", measured);
            var overhead = Percentile(measured, 50) - Percentile(baseline, 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p50 overhead: {overhead:0.000} ms (goal < 1 ms) — {(overhead < 1 ? "met" : "NOT met")}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"p99 overhead: {Percentile(measured, 99) - Percentile(baseline, 99):0.000} ms"));
            return 0;
        }
        finally
        {
            stop.Cancel();
            if (!emulator.HasExited) emulator.Kill(entireProcessTree: true);
        }
    }

    private static async Task<double[]> MeasureBaselineAsync(HttpClient client)
    {
        var port = BenchEnvironment.FreePort();
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
    private static async Task RuntimeLoopAsync(int runtimePort, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{runtimePort}/2018-06-01/runtime/"), Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var next = await http.GetAsync("invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken);
                var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
                _ = await next.Content.ReadAsByteArrayAsync(cancellationToken);
                using var content = new ByteArrayContent(ProxyResponse);
                using var posted = await http.PostAsync($"invocation/{requestId}/response", content, cancellationToken);
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

    private static async Task WaitForHealthAsync(HttpClient client, int port)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                using var health = await client.GetAsync($"http://127.0.0.1:{port}/health");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException("emulator not healthy");
    }


}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace CloudResume.Bench;

/// <summary>
/// Cold start of the counter function: process start → first answered invocation, Native AOT `bootstrap`
/// vs the same build on the JIT, medians of 10 in the same run; then peak RSS (VmHWM) under a stream of
/// invocations, and the deployment zip's size. Self-contained: its own dynalite and a minimal Runtime API.
/// Run: dotnet run --project bench/Bench -c Release -- coldstart
/// </summary>
public static class ColdStartBenchmark
{
    private const int Runs = 10;
    private const int LoadInvocations = 500;

    public static async Task<int> RunAsync()
    {
        var root = BenchEnvironment.Root;
        var publishDir = Path.Combine(root, "Counter.Lambda", "bin", "Release", "net10.0", "linux-x64");
        var aot = Path.Combine(publishDir, "publish", "bootstrap");
        var jit = Path.Combine(root, "Counter.Lambda", "bin", "Release", "net10.0", "bootstrap"); // same code, Release, on the JIT
        var zip = Path.Combine(root, "artifacts", "counter-lambda.zip");
        foreach (var (file, command) in new[] { (aot, "publish Counter.Lambda -c Release -r linux-x64 -nologo"), (zip, "publish Counter.Lambda -c Release -r linux-x64 -nologo"), (jit, "build Counter.Lambda -c Release -nologo") })
        {
            if (File.Exists(file))
            {
                continue;
            }
            Console.WriteLine($"dotnet {command}");
            var step = Process.Start(new ProcessStartInfo("dotnet", command) { WorkingDirectory = root })!;
            await step.WaitForExitAsync();
            if (step.ExitCode != 0)
            {
                return step.ExitCode;
            }
        }

        var dynaPort = BenchEnvironment.FreePort();
        using var dynalite = Process.Start(new ProcessStartInfo("node",
            $"{Path.Combine(root, "node_modules", "dynalite", "cli.js")} --host 127.0.0.1 --port {dynaPort} --createTableMs 0")
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        try
        {
            await WaitForPort(dynaPort);
            await CreateTable(dynaPort, "visits");

            var aotStarts = new List<double>();
            var jitStarts = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                // Interleaved, so machine noise hits both alike.
                aotStarts.Add(await ColdStartMs(aot, dynaPort));
                jitStarts.Add(await ColdStartMs(jit, dynaPort));
            }
            var (aotRss, aotRate, aotHandler) = await PeakRssUnderLoad(aot, dynaPort);
            var (jitRss, jitRate, jitHandler) = await PeakRssUnderLoad(jit, dynaPort);
            var aotMedian = Median(aotStarts);
            var jitMedian = Median(jitStarts);
            var zipBytes = new FileInfo(zip).Length;

            Console.WriteLine();
            Console.WriteLine("Counter.Lambda cold start and memory (dynalite local, 2 cores)");
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
        finally
        {
            dynalite.Kill(entireProcessTree: true);
        }
    }

    private static async Task<double> ColdStartMs(string executable, int dynaPort)
    {
        await using var runtime = new MiniRuntimeApi();
        var stopwatch = Stopwatch.StartNew();
        using var function = StartFunction(executable, runtime, dynaPort);
        try
        {
            await runtime.InvokeAsync(Event()).WaitAsync(TimeSpan.FromSeconds(30));
            return stopwatch.Elapsed.TotalMilliseconds;
        }
        finally
        {
            function.Kill();
            await function.WaitForExitAsync();
        }
    }

    private static async Task<(long PeakKb, double PerSecond, double HandlerMs)> PeakRssUnderLoad(string executable, int dynaPort)
    {
        await using var runtime = new MiniRuntimeApi();
        var durations = new System.Collections.Concurrent.ConcurrentBag<double>();
        using var function = StartFunction(executable, runtime, dynaPort, line =>
        {
            // The function logs its own handling time (request parsed → response ready) per invocation.
            var at = line.IndexOf("\"durationMs\":", StringComparison.Ordinal);
            if (at >= 0 && double.TryParse(line.AsSpan(at + 13).TrimEnd('}'), CultureInfo.InvariantCulture, out var ms))
            {
                durations.Add(ms);
            }
        });
        try
        {
            await runtime.InvokeAsync(Event());
            var stopwatch = Stopwatch.StartNew();
            // Lambda hands one event at a time to a process; keep it busy with a queue of them.
            await Task.WhenAll(Enumerable.Range(0, LoadInvocations).Select(i => runtime.InvokeAsync(Event($"10.1.{i / 250}.{i % 250}"))));
            var rate = LoadInvocations / stopwatch.Elapsed.TotalSeconds;
            var status = await File.ReadAllLinesAsync($"/proc/{function.Id}/status");
            var hwm = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return (long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture), rate, Median([.. durations]));
        }
        finally
        {
            function.Kill();
            await function.WaitForExitAsync();
        }
    }

    private static Process StartFunction(string executable, MiniRuntimeApi runtime, int dynaPort, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.Environment["AWS_LAMBDA_RUNTIME_API"] = runtime.Address;
        info.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "counter";
        info.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        info.Environment["TABLE_NAME"] = "visits";
        info.Environment["AWS_REGION"] = "us-east-1";
        info.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = $"http://127.0.0.1:{dynaPort}";
        info.Environment["AWS_ACCESS_KEY_ID"] = "bench";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "bench";
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine?.Invoke(e.Data);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Event(string ip = "198.51.100.20") =>
        "{\"version\":\"2.0\",\"routeKey\":\"POST /visits\",\"rawPath\":\"/visits\",\"rawQueryString\":\"\","
        + "\"headers\":{\"user-agent\":\"bench/1.0\",\"host\":\"bench\"},"
        + "\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/visits\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"" + ip + "\",\"userAgent\":\"bench/1.0\"},"
        + "\"requestId\":\"bench\",\"routeKey\":\"POST /visits\",\"stage\":\"$default\",\"timeEpoch\":0},\"isBase64Encoded\":false}";

    private static async Task CreateTable(int port, string name)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/")
        {
            Content = new StringContent(
                "{\"TableName\":\"" + name + "\",\"AttributeDefinitions\":[{\"AttributeName\":\"Id\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"Id\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "DynamoDB_20120810.CreateTable");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=bench/20250101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException("CreateTable failed: " + await response.Content.ReadAsStringAsync());
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }


    private static async Task WaitForPort(int port)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (i < 400)
            {
                await Task.Delay(25);
            }
        }
    }


    /// <summary>The Lambda side of the Runtime API, reduced to what a benchmark needs.</summary>
    private sealed class MiniRuntimeApi : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Channel<(string Id, string Payload)> _queue = Channel.CreateUnbounded<(string, string)>();
        private readonly Dictionary<string, TaskCompletionSource> _pending = [];
        private readonly CancellationTokenSource _stop = new();

        public MiniRuntimeApi()
        {
            var port = BenchEnvironment.FreePort();
            Address = $"127.0.0.1:{port}";
            _listener.Prefixes.Add($"http://{Address}/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Address { get; }

        public Task InvokeAsync(string payload)
        {
            var id = Guid.NewGuid().ToString("N");
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_pending)
            {
                _pending[id] = done;
            }
            _queue.Writer.TryWrite((id, payload));
            return done.Task;
        }

        private async Task LoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception)
                {
                    return;
                }
                _ = Task.Run(() => ServeAsync(context));
            }
        }

        private async Task ServeAsync(HttpListenerContext context)
        {
            try
            {
                var path = context.Request.Url!.AbsolutePath;
                if (path.EndsWith("/invocation/next", StringComparison.Ordinal))
                {
                    var (id, payload) = await _queue.Reader.ReadAsync(_stop.Token);
                    context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = id;
                    context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = DateTimeOffset.UtcNow.AddSeconds(30).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                    var bytes = Encoding.UTF8.GetBytes(payload);
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                    return;
                }
                var parts = path.Split('/');
                TaskCompletionSource? done = null;
                if (parts.Length >= 6)
                {
                    lock (_pending)
                    {
                        _pending.Remove(parts[4], out done);
                    }
                }
                context.Response.StatusCode = 202;
                context.Response.Close();
                if (path.EndsWith("/error", StringComparison.Ordinal))
                {
                    done?.TrySetException(new InvalidOperationException("invocation failed"));
                }
                else
                {
                    done?.TrySetResult();
                }
            }
            catch (Exception)
            {
                // Function killed mid-request, or shutting down.
            }
        }

        public ValueTask DisposeAsync()
        {
            _stop.Cancel();
            _listener.Close();
            return ValueTask.CompletedTask;
        }
    }
}

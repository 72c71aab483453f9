using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>
/// The Lambda side of the Runtime API, just enough for the function: /next hands out queued events
/// (to any number of function processes), /response and /error complete them, /init/error is recorded.
/// The real emulator lives in Emulator/; this one is small so these tests exercise only the function.
/// </summary>
public sealed class RuntimeApiDouble : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new();
    private readonly TaskCompletionSource<RuntimeErrorReport> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    public RuntimeApiDouble()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    /// <summary>Value for AWS_LAMBDA_RUNTIME_API.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Completes when a process posts /runtime/init/error.</summary>
    public Task<RuntimeErrorReport> InitError => _initError.Task;

    /// <summary>Called when /response or /error arrives, before the function is answered.</summary>
    public Action? OnResult { get; set; }

    /// <summary>Queues an event; like Lambda, the <paramref name="timeout"/> starts when a process picks it up.</summary>
    public Task<InvocationResult> InvokeAsync(string payload, TimeSpan? timeout = null, string? traceId = null) =>
        InvokeAsync(new Pending(Guid.NewGuid().ToString(), payload, null, timeout ?? TimeSpan.FromSeconds(10), traceId));

    /// <summary>Queues an event with a fixed deadline (e.g. one already past).</summary>
    public Task<InvocationResult> InvokeAsync(string payload, DateTimeOffset deadline, string? traceId = null) =>
        InvokeAsync(new Pending(Guid.NewGuid().ToString(), payload, deadline, TimeSpan.Zero, traceId));

    private async Task<InvocationResult> InvokeAsync(Pending pending)
    {
        _inFlight[pending.RequestId] = pending;
        await _queue.Writer.WriteAsync(pending);
        // Generous: a JIT-started function needs a moment; the deadline itself is what the function must honour.
        return await pending.Result.Task.WaitAsync(TimeSpan.FromMinutes(3));
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            var path = request.Url!.AbsolutePath;
            const string prefix = "/2018-06-01/runtime/";
            if (!path.StartsWith(prefix, StringComparison.Ordinal))
            {
                await WriteAsync(response, 404, "{\"errorMessage\":\"not found\"}");
                return;
            }
            var rest = path[prefix.Length..];
            if (request.HttpMethod == "GET" && rest == "invocation/next")
            {
                Pending next;
                try
                {
                    next = await _queue.Reader.ReadAsync(_stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    response.Abort();
                    return;
                }
                next.Deadline = next.FixedDeadline ?? DateTimeOffset.UtcNow + next.Timeout;
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:counter";
                if (next.TraceId is not null)
                {
                    response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
                }
                await WriteAsync(response, 200, next.Payload);
                return;
            }

            var body = await new StreamReader(request.InputStream, Encoding.UTF8).ReadToEndAsync();
            if (request.HttpMethod == "POST" && rest == "init/error")
            {
                _initError.TrySetResult(new RuntimeErrorReport(request.Headers["Lambda-Runtime-Function-Error-Type"], body, request.ContentType));
                await WriteAsync(response, 202, "{\"status\":\"OK\"}");
                return;
            }
            var parts = rest.Split('/');
            if (request.HttpMethod == "POST" && parts is ["invocation", var id, "response" or "error"])
            {
                if (!_inFlight.TryRemove(Uri.UnescapeDataString(id), out var pending))
                {
                    await WriteAsync(response, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                OnResult?.Invoke();
                var isError = parts[2] == "error";
                pending.Result.TrySetResult(new InvocationResult(
                    isError, body, isError ? request.Headers["Lambda-Runtime-Function-Error-Type"] : null,
                    request.ContentType, DateTimeOffset.UtcNow, pending.Deadline));
                await WriteAsync(response, 202, "{\"status\":\"OK\"}");
                return;
            }
            await WriteAsync(response, 404, "{\"errorMessage\":\"not found\"}");
        }
        catch (Exception) when (_stopping.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The function went away mid-request.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
    }

    private sealed record Pending(string RequestId, string Payload, DateTimeOffset? FixedDeadline, TimeSpan Timeout, string? TraceId)
    {
        public DateTimeOffset Deadline { get; set; }

        public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed record RuntimeErrorReport(string? ErrorType, string Body, string? ContentType);

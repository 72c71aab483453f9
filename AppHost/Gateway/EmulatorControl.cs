using System.Net.Http.Json;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.AppHost.Gateway;

/// <summary>The AppHost's side of the emulator's own endpoints (<see cref="EmulatorPaths"/>), on its runtime endpoint.</summary>
public sealed class EmulatorControl(EndpointReference runtime)
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Replaces the function's execution environments; with <paramref name="command"/>, they run that build from now on.</summary>
    public async Task<int> RecycleAsync(string? command, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync(Url(EmulatorPaths.RecycleEnvironments), new RecycleRequest(command),
            LocalSystemJsonContext.Default.RecycleRequest, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The emulator refused to recycle: {(int)response.StatusCode} {body}");
        }
        return JsonSerializer.Deserialize(body, LocalSystemJsonContext.Default.RecycleResult)?.Recycled ?? 0;
    }

    /// <summary>
    /// Shows each line the function's processes write on <paramref name="target"/> (the function's own resource,
    /// where a developer looks for them), following the emulator across restarts until <paramref name="stopping"/>.
    /// </summary>
    public async Task FollowFunctionLogsAsync(ILogger target, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                using var response = await Http.GetAsync(Url(EmulatorPaths.FunctionLogs), HttpCompletionOption.ResponseHeadersRead, stopping);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stopping));
                while (await reader.ReadLineAsync(stopping) is { } line)
                {
                    if (JsonSerializer.Deserialize(line, LocalSystemJsonContext.Default.FunctionLogRecord) is { } record)
                    {
                        target.LogInformation("{Line}", record.Line);
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // The emulator restarted or stopped: follow the next one.
            }
            await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private Uri Url(string path) => new(new Uri(runtime.Url), path);
}

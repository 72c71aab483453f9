using System.Text.Json;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.AppHost.Lambda;

/// <summary>
/// The emulator starts the function's processes, so their output reaches the AppHost through the emulator's
/// log stream (<see cref="FunctionLogRecord"/>s); this shows each line on the function's own resource, where a
/// developer looks for it — the lines CloudWatch would show in AWS.
/// </summary>
internal static class FunctionConsoleLogs
{
    public static async Task FollowAsync(EndpointReference runtime, ILogger target, CancellationToken stopping)
    {
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var url = new Uri(new Uri(runtime.Url), FunctionLogRecord.Path);
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, stopping);
                response.EnsureSuccessStatusCode();
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stopping));
                while (await reader.ReadLineAsync(stopping) is { } line)
                {
                    if (JsonSerializer.Deserialize(line, FunctionLogJsonContext.Default.FunctionLogRecord) is { } record)
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
}

namespace CloudResume.AppHost.Lambda;

/// <summary>
/// The gateway starts the function's processes, so their stdout reaches the dashboard as the gateway's
/// log lines (category = the function's name). This copies those lines to the function's own
/// resource, where a developer looks for them — the JSON lines CloudWatch would show in AWS.
/// </summary>
internal static class FunctionConsoleLogs
{
    public static async Task ForwardAsync(
        ResourceLoggerService loggers, IResource gateway, LambdaFunctionResource function, CancellationToken stopping)
    {
        // The emulator logs one line per record: "info: <function name>[0] <line the function wrote>".
        var marker = $"{function.Definition.FunctionName}[0] ";
        var target = loggers.GetLogger(function);
        try
        {
            await foreach (var batch in loggers.WatchAsync(gateway).WithCancellation(stopping))
            {
                foreach (var line in batch)
                {
                    var at = line.Content.IndexOf(marker, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        target.LogInformation("{Line}", line.Content[(at + marker.Length)..]);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

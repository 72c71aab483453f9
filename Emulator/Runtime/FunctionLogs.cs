using System.Threading.Channels;
using CloudResume.Contracts.LocalSystem;
using CloudResume.Emulator.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudResume.Emulator.Runtime;

/// <summary>
/// Where the execution environments' output goes, as CloudWatch Logs would take it: to the emulator's console (one
/// log record per line, category = the function's name) unless the settings say otherwise, to every reader of
/// <see cref="EmulatorPaths.FunctionLogs"/>, and — for lines in embedded metric format — into the function's metrics.
/// </summary>
public sealed class FunctionLogs(EmulatedFunction function, FunctionMetrics metrics, ILoggerFactory loggers, IHostApplicationLifetime lifetime)
{
    private readonly ILogger _console = loggers.CreateLogger(function.Name);
    private readonly Lock _gate = new();
    private readonly List<Channel<FunctionLogRecord>> _readers = [];

    public void Write(int environment, string stream, string line)
    {
        if (function.Settings.LogsToConsole)
        {
            _console.LogInformation("{Line}", line);
        }
        foreach (var metric in EmbeddedMetric.Read(line))
        {
            metrics.RecordEmbedded(metric);
        }
        var record = new FunctionLogRecord(DateTimeOffset.UtcNow, environment, stream, line);
        lock (_gate)
        {
            foreach (var reader in _readers)
            {
                reader.Writer.TryWrite(record);
            }
        }
    }

    /// <summary>Every record written from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<FunctionLogRecord> FollowAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Bounded: a reader that stops reading loses old lines rather than growing the emulator's memory.
        var channel = Channel.CreateBounded<FunctionLogRecord>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _readers.Add(channel);
        // A follower's response never ends by itself: end it when the emulator stops, so shutdown does not wait for it.
        using var stopping = lifetime.ApplicationStopping.Register(() => channel.Writer.TryComplete());
        try
        {
            await foreach (var record in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return record;
            }
        }
        finally
        {
            lock (_gate) _readers.Remove(channel);
        }
    }
}

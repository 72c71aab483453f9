using System.Threading.Channels;
using CloudResume.Contracts.LocalSystem;
using CloudResume.Emulator.Telemetry;

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

    /// <summary>
    /// Subscribes now (so nothing written after this call is missed) to every record from here on; dispose to leave.
    /// The reader also ends when the emulator stops, so shutdown never waits for a follower.
    /// </summary>
    public Subscription Follow()
    {
        // Bounded: a reader that stops reading loses old lines rather than growing the emulator's memory.
        var channel = Channel.CreateBounded<FunctionLogRecord>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _readers.Add(channel);
        var stopping = lifetime.ApplicationStopping.Register(() => channel.Writer.TryComplete());
        return new Subscription(channel.Reader, () =>
        {
            stopping.Dispose();
            lock (_gate) _readers.Remove(channel);
        });
    }

    public sealed class Subscription(ChannelReader<FunctionLogRecord> reader, Action leave) : IDisposable
    {
        public ChannelReader<FunctionLogRecord> Reader => reader;

        public void Dispose() => leave();
    }
}

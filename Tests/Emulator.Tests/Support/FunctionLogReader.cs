namespace CloudResume.Tests.Emulator.Support;

/// <summary>
/// Follows the emulator's stream of the function's output (<see cref="EmulatorPaths.FunctionLogs"/>, NDJSON) from
/// the moment it is opened: what a function printed, read through the contract rather than the emulator's console.
/// </summary>
public sealed class FunctionLogReader : IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _lines;

    private FunctionLogReader(HttpClient http, HttpResponseMessage response, Stream body)
    {
        _http = http;
        _response = response;
        _lines = new StreamReader(body);
    }

    public static async Task<FunctionLogReader> OpenAsync(EmulatorServer emulator)
    {
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            // The response never ends while the emulator runs: read it as it comes.
            var response = await http.GetAsync(new Uri(emulator.Runtime, EmulatorPaths.FunctionLogs), HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            return new FunctionLogReader(http, response, await response.Content.ReadAsStreamAsync());
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>The first record from now on that matches; fails after <paramref name="timeout"/> naming the lines seen.</summary>
    public async Task<FunctionLogRecord> WaitForAsync(Func<FunctionLogRecord, bool> match, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        try
        {
            while (await _lines.ReadLineAsync(giveUp.Token) is { } line)
            {
                var record = JsonSerializer.Deserialize(line, LocalSystemJsonContext.Default.FunctionLogRecord)
                    ?? throw new InvalidDataException($"Not a function log record: {line}");
                if (match(record))
                {
                    return record;
                }
                seen.Add(record.Line);
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            throw new TimeoutException($"No matching function log record within {timeout}; seen:\n{string.Join('\n', seen)}");
        }
        throw new InvalidOperationException($"The emulator ended the function log stream; seen:\n{string.Join('\n', seen)}");
    }

    public void Dispose()
    {
        _lines.Dispose();
        _response.Dispose();
        _http.Dispose();
    }
}

namespace CloudResume.Tests.Emulator.Support;

/// <summary>One emulator process shared by a test collection, and a client for it.</summary>
public abstract class EmulatorFixture : IAsyncLifetime
{
    private EmulatorServer? _emulator;

    public EmulatorServer Emulator => _emulator ?? throw new InvalidOperationException("The emulator is not started.");

    public HttpClient Client { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The emulator's own log level (its console is read only where the log is the behaviour under test).</summary>
    protected virtual string LogLevel => "Warning";

    protected abstract EmulatorSettings Settings();

    public async Task InitializeAsync() => _emulator = await EmulatorServer.StartAsync(Settings(), LogLevel);

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    public Uri Url(string pathAndQuery) => new(Emulator.Gateway, pathAndQuery);

    /// <summary>A request to the gateway with <paramref name="headers"/>, which HttpClient's shorthand methods cannot send.</summary>
    public HttpRequestMessage Request(HttpMethod method, string pathAndQuery, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, Url(pathAndQuery));
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }
        return request;
    }
}

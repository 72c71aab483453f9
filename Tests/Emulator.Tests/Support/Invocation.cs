namespace CloudResume.Tests.Emulator.Support;

/// <summary>
/// A caller's request in flight and the event it became for a <see cref="TestRuntime"/> of its own: the test
/// answers as that runtime, then reads what the caller got. Disposing it disposes the runtime.
/// </summary>
public sealed class Invocation : IDisposable
{
    private readonly TestRuntime _runtime;

    private Invocation(TestRuntime runtime, TestRuntime.Event evt, Task<HttpResponseMessage> answer)
    {
        _runtime = runtime;
        Event = evt;
        Answer = answer;
    }

    /// <summary>Takes the event <paramref name="call"/> (already sent) became, as a new runtime of <paramref name="runtimeApi"/>.</summary>
    public static async Task<Invocation> StartAsync(Uri runtimeApi, Task<HttpResponseMessage> call)
    {
        var runtime = new TestRuntime(runtimeApi);
        try
        {
            return new Invocation(runtime, await runtime.NextAsync(), call);
        }
        catch
        {
            runtime.Dispose();
            throw;
        }
    }

    public TestRuntime.Event Event { get; }

    /// <summary>What the caller gets, once the runtime has answered (or the invocation timed out).</summary>
    public Task<HttpResponseMessage> Answer { get; }

    public Task<HttpResponseMessage> RespondAsync(string json) => _runtime.RespondAsync(Event.RequestId, json);

    public Task<HttpResponseMessage> RespondAsync(byte[] body) => _runtime.RespondAsync(Event.RequestId, body);

    public Task<HttpResponseMessage> ErrorAsync(string errorType, string message) => _runtime.ErrorAsync(Event.RequestId, errorType, message);

    /// <summary>Asserts the caller got <paramref name="status"/>; returns the body for the checks particular to a test.</summary>
    public async Task<string> AssertCallerGetsAsync(HttpStatusCode status)
    {
        using var answer = await Answer;
        Assert.Equal(status, answer.StatusCode);
        return await answer.Content.ReadAsStringAsync();
    }

    public void Dispose() => _runtime.Dispose();
}

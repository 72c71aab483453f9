using System.Text;
using System.Text.Json;
using CloudResume.Contracts;
using CloudResume.Counter.Http;
using CloudResume.Counter.Logging;
using CloudResume.Counter.Runtime;

namespace CloudResume.Tests.Counter.Unit;

/// <summary>The payload 2.0 adapter around the handler: event bytes in, response bytes out, within the invocation's deadline.</summary>
public class HttpApiFunctionTests
{
    private readonly FakeVisitCounter _counter = new();

    private Task<byte[]> InvokeAsync(string payload, DateTimeOffset deadline)
    {
        var log = new JsonLineLogger(Stream.Null, TimeProvider.System);
        var function = new HttpApiFunction(new VisitsHandler(_counter, TimeProvider.System, log), telemetry: null, log, TimeProvider.System);
        var context = new InvocationContext("req-1", deadline, InvokedFunctionArn: null, TraceId: null);
        return function.InvokeAsync(new InvocationRequest(context, Encoding.UTF8.GetBytes(payload)), CancellationToken.None);
    }

    [Fact]
    public async Task Deadline_already_passed_is_503_with_retry_after_and_nothing_counted()
    {
        var bytes = await InvokeAsync(ApiEvents.Json("POST"), DateTimeOffset.UtcNow.AddSeconds(-1));

        var response = JsonSerializer.Deserialize(bytes, ContractsJsonContext.Default.HttpApiResponse);
        Assert.NotNull(response);
        Assert.Equal(503, response.StatusCode);
        Assert.Equal("1", response.Headers?.GetValueOrDefault("retry-after"));
        Assert.Empty(_counter.Counted);
        Assert.Empty(_counter.Reads);
    }

    [Fact]
    public async Task An_event_that_is_not_payload_2_0_is_a_malformed_event_error()
    {
        var error = await Assert.ThrowsAsync<FunctionErrorException>(() => InvokeAsync("{\"version\":\"1.0\"}", DateTimeOffset.UtcNow.AddSeconds(5)));

        Assert.Equal(HttpApiFunction.MalformedEventType, error.ErrorType);
        Assert.Empty(_counter.Counted);
    }
}

using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>DynamoDB going away, hanging, or never configured: the function answers 503 in time, recovers, or reports.</summary>
public sealed class FunctionFaultTests : IAsyncLifetime
{
    private readonly RuntimeApiDouble _runtime = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "dynalite-" + Guid.NewGuid().ToString("N"));
    private DynaliteServer _dynamo = null!;
    private ChildProcess? _function;

    public async Task InitializeAsync()
    {
        // Persistent, so the table survives the stop/start in the recovery test.
        _dynamo = await DynaliteServer.StartAsync(_dataDirectory);
        await _dynamo.CreateTableAsync("visits");
    }

    public async Task DisposeAsync()
    {
        if (_function is not null)
        {
            await _function.DisposeAsync();
        }
        await _runtime.DisposeAsync();
        await _dynamo.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<InvocationResult> Post(TimeSpan? timeout = null) => _runtime.InvokeAsync(ApiEvents.Json("POST"), timeout);

    [Fact]
    public async Task DynamoDB_down_is_503_with_retry_after_and_the_same_process_recovers()
    {
        _function = FunctionProcess.Start(_runtime, FunctionProcess.For(_dynamo, "visits"));
        var before = await Post();
        Assert.Equal(200, before.StatusCode);

        await _dynamo.StopAsync();
        var down = await Post();
        var downRead = await _runtime.InvokeAsync(ApiEvents.Json("GET"));

        await _dynamo.StartAsync();
        var after = await Post();

        Assert.Equal(503, down.StatusCode);
        Assert.Equal("1", down.Header("retry-after"));
        Assert.Equal("application/json", down.Header("content-type"));
        Assert.False(string.IsNullOrEmpty(down.Json.GetProperty("message").GetString()));
        Assert.Equal(503, downRead.StatusCode);
        Assert.Equal(200, after.StatusCode);
        Assert.Equal(2, after.Views);
        Assert.False(_function.HasExited);
    }

    [Fact]
    public async Task Hung_DynamoDB_is_503_before_the_deadline()
    {
        _function = FunctionProcess.Start(_runtime, FunctionProcess.For(_dynamo, "visits"));
        Assert.Equal(200, (await Post()).StatusCode); // warm: the salt is cached, connections are open

        _dynamo.Process.Pause();
        InvocationResult hung;
        try
        {
            hung = await Post(TimeSpan.FromSeconds(3));
        }
        finally
        {
            _dynamo.Process.Resume();
        }

        Assert.Equal(503, hung.StatusCode);
        Assert.Equal("1", hung.Header("retry-after"));
        Assert.True(hung.ReceivedAt < hung.Deadline, $"answered at {hung.ReceivedAt:O}, deadline {hung.Deadline:O}");
        Assert.Equal(200, (await Post()).StatusCode);
    }

    [Fact]
    public async Task Deadline_already_passed_is_503_without_waiting_for_DynamoDB()
    {
        _function = FunctionProcess.Start(_runtime, FunctionProcess.For(_dynamo, "visits"));

        var late = await _runtime.InvokeAsync(ApiEvents.Json("POST"), DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(503, late.StatusCode);
        Assert.Equal("1", late.Header("retry-after"));
        using var client = _dynamo.CreateClient();
        var total = await client.GetItemAsync("visits", new() { ["Id"] = new() { S = "total" } });
        Assert.False(total.IsItemSet, "nothing may be counted for a request answered with 503");
    }

    [Theory]
    [InlineData("TABLE_NAME", "TABLE_NAME")]
    [InlineData("AWS_REGION", "AWS_REGION,AWS_DEFAULT_REGION,AWS_ENDPOINT_URL_DYNAMODB")]
    public async Task Missing_configuration_posts_init_error_and_exits_non_zero(string named, string unset)
    {
        var env = FunctionProcess.For(_dynamo, "visits");
        foreach (var variable in unset.Split(','))
        {
            env[variable] = null;
        }
        _function = FunctionProcess.Start(_runtime, env);

        var report = await _runtime.InitError.WaitAsync(TimeSpan.FromSeconds(30));
        var exitCode = await _function.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("Runtime.InvalidConfiguration", report.ErrorType);
        Assert.Equal("application/vnd.aws.lambda.error+json", report.ContentType);
        Assert.Contains(named, report.Body);
        Assert.Contains("\"errorType\":\"Runtime.InvalidConfiguration\"", report.Body);
        Assert.NotEqual(0, exitCode);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(512)]
    public async Task Gc_heap_limit_follows_the_function_memory_size(int memoryMb)
    {
        _function = FunctionProcess.Start(_runtime, FunctionProcess.For(_dynamo, "visits", ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", memoryMb.ToString())));

        var line = await _function.WaitForLineAsync(l => l.Contains("\"Initialized\""), TimeSpan.FromSeconds(30));

        var limit = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("gcHeapLimitBytes").GetInt64();
        Assert.Equal((long)(memoryMb * 1024L * 1024L * 0.8), limit);
    }
}

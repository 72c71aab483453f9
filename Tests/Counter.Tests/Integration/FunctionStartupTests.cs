namespace CloudResume.Tests.Counter.Integration;

/// <summary>A process starting: its configuration checked, its heap sized to the function's memory, its init line.</summary>
[Collection(EmulatedLambdaCollection.Name)]
public sealed class FunctionStartupTests(EmulatedLambda lambda) : EmulatedLambdaTests(lambda)
{
    [Theory]
    [InlineData("TABLE_NAME", "TABLE_NAME")]
    [InlineData("AWS_REGION", "AWS_REGION,AWS_DEFAULT_REGION,AWS_ENDPOINT_URL_DYNAMODB")]
    public async Task Missing_configuration_is_an_init_error_for_the_first_invoke_and_the_process_exits_non_zero(string named, string unset)
    {
        var environment = Lambda.FunctionEnvironment(Table);
        foreach (var variable in unset.Split(','))
        {
            environment[variable] = null;
        }
        var function = Lambda.StartFunction(environment);

        var exitCode = await function.WaitForExitAsync(TimeSpan.FromSeconds(30)); // after posting /init/error
        var first = await Lambda.InvokeAsync(ApiEvents.Json("POST"));

        Assert.NotEqual(0, exitCode);
        Assert.True(first.IsError, first.ToString());
        Assert.Equal("Unhandled", first.Invoke.FunctionError);
        Assert.Equal("Runtime.InvalidConfiguration", first.ErrorType);
        Assert.Contains(named, first.ErrorMessage);
    }

    [Theory]
    [InlineData(128)]
    [InlineData(512)]
    public async Task Gc_heap_limit_follows_the_function_memory_size(int memoryMb)
    {
        var environment = Lambda.FunctionEnvironment(Table);
        environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = memoryMb.ToString(CultureInfo.InvariantCulture);

        var line = await EmulatedLambda.InitLineAsync(await Lambda.StartFunctionAsync(environment));

        var init = JsonDocument.Parse(line).RootElement;
        Assert.Equal((long)(memoryMb * 1024L * 1024L * 0.8), init.GetProperty("gcHeapLimitBytes").GetInt64());
        Assert.False(init.GetProperty("nativeAot").GetBoolean(), "the JIT build; PackagingTests checks the native binary says true");
    }
}

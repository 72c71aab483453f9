namespace CloudResume.Tests.Infra;

/// <summary>
/// A new AWS account may run 10 Lambda executions at once, and Lambda refuses any reservation that leaves fewer
/// than 10 unreserved ("UnreservedConcurrentExecution below its minimum value of [10]"). So the first deploy
/// reserves nothing, and the stage throttle, sized to those 10, turns excess load into 429s rather than
/// Lambda throttles (which an HTTP API answers with 500).
/// </summary>
public sealed class NewAccountConcurrencyTests
{
    /// <summary>A new account's concurrent executions (Lambda quotas; the default of older accounts is 1,000).</summary>
    private const int NewAccountConcurrency = 10;

    /// <summary>Longest invocation the defaults are sized for: warm ones take ~20-50 ms, a Native AOT cold start well under a second.</summary>
    private static readonly TimeSpan SizedDuration = TimeSpan.FromSeconds(1);

    [Fact]
    public void By_default_no_concurrency_is_reserved_so_lambda_accepts_the_function_on_a_new_account()
    {
        var function = TemplateFile.Load().Resource("CounterFunction");

        Assert.False(function.Properties.ContainsKey("ReservedConcurrentExecutions"));
        Assert.Null(FunctionDefinition.From(TemplateFile.Load(), function).ReservedConcurrency);
    }

    [Fact]
    public void A_reservation_asked_for_on_an_account_that_has_room_reaches_lambda()
    {
        var template = TemplateFile.Load(("ReservedConcurrency", "50"));

        Assert.Equal(50, FunctionDefinition.From(template, template.Resource("CounterFunction")).ReservedConcurrency);
    }

    [Theory]
    [InlineData("0")] // Lambda reads 0 as "never invoke": the counter would answer nothing but 500s
    [InlineData("-1")]
    [InlineData("ten")]
    public void A_reservation_lambda_would_refuse_or_read_as_never_run_is_refused_before_deploying(string value)
    {
        var error = Assert.Throws<TemplateException>(() => TemplateFile.Load(("ReservedConcurrency", value)));

        Assert.Contains("ReservedConcurrency", error.Message);
    }

    [Fact]
    public void The_stage_burst_never_exceeds_what_lambda_can_run_at_once_on_a_new_account()
    {
        var api = HttpApiDefinition.From(TemplateFile.Load(), TemplateFile.Load().Resource("HttpApi"));

        Assert.NotNull(api.ThrottlingBurstLimit);
        Assert.InRange(api.ThrottlingBurstLimit.Value, 1, NewAccountConcurrency);
    }

    [Fact]
    public void Burst_plus_rate_times_duration_fits_a_new_accounts_concurrency_so_excess_load_gets_429_not_500()
    {
        // A token bucket admits at most burst + rate x t requests in any t seconds; invocations lasting t
        // therefore overlap at most that many at once.
        var stage = TemplateFile.Load().Resource("HttpApiStage").Properties["DefaultRouteSettings"]!;
        var burst = NodeValue.Number(stage["ThrottlingBurstLimit"])!.Value;
        var rate = NodeValue.Number(stage["ThrottlingRateLimit"])!.Value;

        Assert.True(burst + (rate * SizedDuration.TotalSeconds) <= NewAccountConcurrency,
            $"burst {burst} + rate {rate}/s x {SizedDuration.TotalSeconds} s > {NewAccountConcurrency}");
    }
}

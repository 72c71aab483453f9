using System.Diagnostics;
using CloudResume.Counter.Runtime;
using CloudResume.Counter.Telemetry;

namespace CloudResume.Tests.Counter.Unit;

public class DeadlineBudgetTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Gives_up_half_a_second_before_a_comfortable_deadline()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(2500), DeadlineBudget.TimeUntilGiveUp(Now.AddSeconds(3), Now));
    }

    [Fact]
    public void Margin_never_exceeds_a_quarter_of_the_time_left()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(300), DeadlineBudget.TimeUntilGiveUp(Now.AddMilliseconds(400), Now));
    }

    [Fact]
    public void Past_deadline_means_give_up_now()
    {
        Assert.Equal(TimeSpan.Zero, DeadlineBudget.TimeUntilGiveUp(Now.AddSeconds(-1), Now));
        using var source = DeadlineBudget.CreateSource(DateTimeOffset.UtcNow.AddSeconds(-1), TimeProvider.System);
        Assert.True(source.IsCancellationRequested);
    }
}

public class XRayTraceHeaderTests
{
    [Fact]
    public void Root_and_parent_become_the_w3c_parent_context()
    {
        var parent = XRayTraceHeader.Parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        Assert.NotNull(parent);
        Assert.Equal("5759e988bd862e3fe1be46a994272793", parent.Value.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", parent.Value.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, parent.Value.TraceFlags);
        Assert.True(parent.Value.IsRemote);
    }

    [Fact]
    public void Sampled_0_is_not_recorded()
    {
        var parent = XRayTraceHeader.Parse("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0");
        Assert.Equal(ActivityTraceFlags.None, parent!.Value.TraceFlags);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279;Parent=53995c3f42cd8ad8")]
    [InlineData("Root=1-zzzzzzzz-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")]
    [InlineData("Parent=53995c3f42cd8ad8;Sampled=1")]
    public void Incomplete_or_invalid_headers_start_a_new_trace(string? header)
    {
        Assert.Null(XRayTraceHeader.Parse(header));
    }
}

public class GcHeapLimitTests
{
    [Fact]
    public void Limit_is_80_percent_of_the_function_memory()
    {
        Assert.Equal((ulong)(128 * 1024 * 1024 * 0.8), GcHeapLimit.LimitFor(128));
        Assert.Null(GcHeapLimit.LimitFor(null));
    }
}

public class LambdaEnvironmentTests
{
    [Fact]
    public void Service_name_defaults_to_the_function_name_then_counter()
    {
        var named = LambdaEnvironment.Read(k => k == "AWS_LAMBDA_FUNCTION_NAME" ? "resume-counter" : null);
        var bare = LambdaEnvironment.Read(_ => null);
        var explicitName = LambdaEnvironment.Read(k => k switch { "AWS_LAMBDA_FUNCTION_NAME" => "f", "OTEL_SERVICE_NAME" => "svc", _ => null });

        Assert.Equal("resume-counter", named.ServiceName);
        Assert.Equal("counter", bare.ServiceName);
        Assert.Equal("svc", explicitName.ServiceName);
    }
}

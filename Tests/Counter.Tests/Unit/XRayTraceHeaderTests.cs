using CloudResume.Contracts.Tracing;

namespace CloudResume.Tests.Counter.Unit;

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

namespace CloudResume.Tests.Counter.Unit;

public class GcHeapLimitTests
{
    [Fact]
    public void Limit_is_80_percent_of_the_function_memory()
    {
        Assert.Equal((ulong)(128 * 1024 * 1024 * 0.8), GcHeapLimit.LimitFor(128));
        Assert.Null(GcHeapLimit.LimitFor(null));
    }
}

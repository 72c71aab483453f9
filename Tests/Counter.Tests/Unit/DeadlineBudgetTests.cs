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

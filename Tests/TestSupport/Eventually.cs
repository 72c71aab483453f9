namespace CloudResume.Tests.Reliability.Support;

/// <summary>Waits for a condition a running load will make true, or fails the test saying what never happened.</summary>
public static class Eventually
{
    public static async Task WaitForAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}

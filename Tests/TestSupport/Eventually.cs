namespace CloudResume.Tests.Support;

/// <summary>Waits for a condition a running system will make true, or fails the test saying what never happened.</summary>
public static class Eventually
{
    /// <param name="timeout">Default one minute.</param>
    /// <param name="every">How often the condition is asked; default 20 ms (a costly one, e.g. decoding telemetry, wants longer).</param>
    public static async Task WaitForAsync(Func<bool> condition, string what, TimeSpan? timeout = null, TimeSpan? every = null)
    {
        var giveUp = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        while (!condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(every ?? TimeSpan.FromMilliseconds(20));
        }
    }
}

namespace CloudResume.Emulator.Hosting;

/// <summary>
/// Gives the heap back to the machine once a burst of load is over. The GC only runs when something allocates,
/// so after load stops the emulator would keep its peak heap until the next request; on a developer's machine
/// that memory belongs to the IDE and the browser. Activity is what the process allocates, so nothing on the
/// request path has to report it.
/// </summary>
public sealed class IdleMemoryTrimmer(TimeProvider time) : BackgroundService
{
    /// <summary>How often allocation is sampled; one quiet period is "idle".</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>Allocation in one period that still counts as idle (health checks, metrics export).</summary>
    public const long QuietBytes = 4 * 1024 * 1024;

    /// <summary>Allocation since the last trim that makes another one worth its pause (one compacting GC, ~10 ms).</summary>
    public const long WorthTrimmingBytes = 64 * 1024 * 1024;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        var last = GC.GetTotalAllocatedBytes();
        var sinceTrim = 0L;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = GC.GetTotalAllocatedBytes();
            var allocated = now - last;
            last = now;
            sinceTrim += allocated;
            if (allocated < QuietBytes && sinceTrim >= WorthTrimmingBytes)
            {
                // Aggressive: compacts every generation and returns the freed segments to the OS.
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                sinceTrim = 0;
                last = GC.GetTotalAllocatedBytes();
            }
        }
    }
}

namespace CloudResume.Counter.Runtime;

/// <summary>
/// Lambda's memory setting is not visible to .NET (the micro-VM has more RAM than the function may use),
/// so the GC would size itself for the VM and the function gets killed instead of collecting.
/// GC.RefreshMemoryLimit re-reads GCHeapHardLimit from AppContext data after start-up (.NET 8+, also
/// Native AOT), which avoids re-executing the process. An explicit DOTNET_GCHeapHardLimit wins.
/// </summary>
public static class GcHeapLimit
{
    /// <summary>Share of the function's memory the managed heap may use; the rest is native code, stacks, buffers.</summary>
    public const double HeapShare = 0.8;

    public static ulong? LimitFor(int? memorySizeMb) =>
        memorySizeMb is > 0 ? (ulong)(memorySizeMb.Value * 1024L * 1024L * HeapShare) : null;

    /// <summary>Applies the limit; returns the heap limit the GC now reports.</summary>
    public static long Apply(int? memorySizeMb)
    {
        var limit = LimitFor(memorySizeMb);
        var explicitlySet = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimitPercent"));
        if (limit is { } bytes && !explicitlySet)
        {
            AppContext.SetData("GCHeapHardLimit", bytes);
            GC.RefreshMemoryLimit();
        }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }
}

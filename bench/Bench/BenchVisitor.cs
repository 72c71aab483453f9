namespace CloudResume.Bench;

/// <summary>Who the benchmarks visit as, and the stack under which every one of their visits is counted.</summary>
public static class BenchVisitor
{
    /// <summary>A real browser's User-Agent: tools and libraries are answered but not counted (docs/contracts.md).</summary>
    public const string UserAgent = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    /// <summary>
    /// Template parameters for a load from one client: no stage throttle, room for 72 environments, and no daily
    /// allowance (one browser at one address would otherwise be answered from a read after its tenth view).
    /// </summary>
    public static IReadOnlyDictionary<string, string> CountEverything { get; } = new Dictionary<string, string>
    {
        ["ReservedConcurrency"] = "72",
        ["ThrottlingRateLimit"] = "1000000",
        ["ThrottlingBurstLimit"] = "1000000",
        ["MaxViewsPerVisitorPerDay"] = "1000000000",
    };

    /// <summary>Sets <see cref="CountEverything"/> in an emulator's stack parameters.</summary>
    public static void CountEverythingIn(IDictionary<string, string> parameters)
    {
        foreach (var (name, value) in CountEverything)
        {
            parameters[name] = value;
        }
    }
}

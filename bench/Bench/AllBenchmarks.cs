namespace CloudResume.Bench;

/// <summary>
/// `all`: every benchmark in one run (CPU budget, throughput, emulator overhead, cold start), one after another so none
/// disturbs another, then the tables together and bench/results/&lt;date&gt;-&lt;host&gt;.md/.json.
/// </summary>
public static class AllBenchmarks
{
    public static async Task<int> RunAsync()
    {
        var started = DateTimeOffset.UtcNow;
        var machine = MachineDescription.Read();
        Console.WriteLine($"Machine: {machine}");

        Console.WriteLine("\n== CPU budget per request (autocannon): POST /visits vs raw UpdateItem, per component");
        var (cpuRows, memory) = await CpuBudgetBenchmark.RunAsync();
        var cpuMarkdown = CpuBudgetBenchmark.ToMarkdown(cpuRows, memory);

        Console.WriteLine("\n== throughput and latency with an SDK client: (a) raw ADD, (a3) 3 parallel ADDs, (b) seed, (c) POST /visits");
        var throughput = await ThroughputBenchmark.RunAsync();
        var throughputMarkdown = throughput.ToMarkdown();

        Console.WriteLine("\n== emulator overhead");
        var (emulatorExit, emulatorOutput) = await ConsoleTee.CaptureAsync(EmulatorOverheadBenchmark.RunAsync);

        Console.WriteLine("\n== cold start AOT vs JIT");
        var (coldStartExit, coldStartOutput) = await ConsoleTee.CaptureAsync(ColdStartBenchmark.RunAsync);

        var sections = new List<(string Title, string Markdown)>
        {
            ("CPU budget per request (autocannon, /proc), emulator memory", cpuMarkdown),
            ("Throughput and latency with an SDK client, function memory, package size", throughputMarkdown),
            ("Emulator overhead over a direct handler call", Fenced(emulatorOutput, emulatorExit)),
            ("Cold start, Native AOT vs JIT", Fenced(coldStartOutput, coldStartExit)),
        };
        // The measured records themselves, so the JSON never drifts from what the tables show.
        var figures = new
        {
            throughput = throughput.Results.Select(r => new { r.Variant, r.Result }),
            cpuBudget = cpuRows,
            emulatorMemory = memory,
            functionPeakRssKib = throughput.PeakRssKib,
            zipBytes = throughput.ZipBytes,
            emulatorExit,
            coldStartExit,
        };
        var file = ResultsFile.Write(machine, started, sections, figures);

        Console.WriteLine();
        Console.WriteLine(cpuMarkdown);
        Console.WriteLine(throughputMarkdown);
        Console.WriteLine($"Results: {file} (and .json)");
        return emulatorExit != 0 ? emulatorExit : coldStartExit;
    }

    // Those two benchmarks print their own aligned tables: kept verbatim.
    private static string Fenced(string output, int exitCode) =>
        $"```\n{output.TrimEnd()}\n```" + (exitCode == 0 ? "" : $"\n\nexit code {exitCode}");
}

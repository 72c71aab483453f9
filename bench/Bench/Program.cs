using CloudResume.Bench;

// Benchmarks by name: `dotnet run --project bench/Bench -c Release -- <name>`.
return args.FirstOrDefault() switch
{
    "all" => await AllBenchmarks.RunAsync(),
    "throughput" => await RunThroughputAsync(),
    "coldstart" => await ColdStartBenchmark.RunAsync(),
    "cpu" => await RunCpuBudgetAsync(),
    "emulator" => await EmulatorOverheadBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench all | cpu | throughput | emulator | coldstart");
    return 2;
}

static async Task<int> RunThroughputAsync()
{
    Console.WriteLine((await ThroughputBenchmark.RunAsync()).ToMarkdown());
    return 0;
}

static async Task<int> RunCpuBudgetAsync()
{
    var (rows, memory) = await CpuBudgetBenchmark.RunAsync();
    Console.WriteLine(CpuBudgetBenchmark.ToMarkdown(rows, memory));
    return 0;
}

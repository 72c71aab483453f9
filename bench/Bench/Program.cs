using CloudResume.Bench;

// Benchmarks by name: `dotnet run --project bench/Bench -c Release -- <name>`.
return args.FirstOrDefault() switch
{
    "coldstart" => await ColdStartBenchmark.RunAsync(),
    "emulator" => await EmulatorOverheadBenchmark.RunAsync(),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Bench coldstart");
    return 2;
}

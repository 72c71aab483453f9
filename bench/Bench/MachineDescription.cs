namespace CloudResume.Bench;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed record MachineDescription(string Host, int Processors, string CpuModel, double MemoryGiB, string Dotnet, string Node)
{
    public static MachineDescription Read()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        var memTotal = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kib = long.Parse(memTotal.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return new MachineDescription(Environment.MachineName, Environment.ProcessorCount, cpu, kib / 1024.0 / 1024.0,
            BenchEnvironment.FirstLineOf("dotnet", "--version"), BenchEnvironment.FirstLineOf("node", "--version"));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Host}: {Processors} × {CpuModel}, {MemoryGiB:F1} GiB, .NET SDK {Dotnet}, Node {Node}");
}

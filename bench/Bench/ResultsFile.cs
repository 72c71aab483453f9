namespace CloudResume.Bench;

/// <summary>bench/results/&lt;date&gt;-&lt;host&gt;.md and .json: one run's figures with the machine they came from.</summary>
public static class ResultsFile
{
    public static string Write(MachineDescription machine, DateTimeOffset started, IReadOnlyList<(string Title, string Markdown)> sections, object figures)
    {
        var directory = RepositoryLayout.Current.Combine("bench", "results");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{started.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{machine.Host}");

        var md = new StringBuilder();
        md.AppendLine($"# Benchmarks {started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        md.AppendLine();
        md.AppendLine($"Machine: {machine}");
        md.AppendLine();
        foreach (var (title, markdown) in sections)
        {
            md.AppendLine($"## {title}").AppendLine().AppendLine(markdown.TrimEnd()).AppendLine();
        }
        File.WriteAllText(stem + ".md", md.ToString());

        var json = new { started, machine, figures, sections = sections.ToDictionary(s => s.Title, s => s.Markdown) };
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return stem + ".md";
    }
}

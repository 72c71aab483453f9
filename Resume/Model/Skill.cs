namespace CloudResume.Resume.Model;

public sealed class Skill
{
    public string? Name { get; set; }
    public string? Level { get; set; }
    public IReadOnlyList<string> Keywords { get; set; } = [];
}

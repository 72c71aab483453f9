namespace CloudResume.Resume.Model;

public sealed class Interest
{
    public string? Name { get; set; }
    public IReadOnlyList<string> Keywords { get; set; } = [];
}

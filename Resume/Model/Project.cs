namespace CloudResume.Resume.Model;

public sealed class Project
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public IReadOnlyList<string> Highlights { get; set; } = [];
    public IReadOnlyList<string> Keywords { get; set; } = [];
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Url { get; set; }
    public IReadOnlyList<string> Roles { get; set; } = [];
    public string? Entity { get; set; }
    public string? Type { get; set; }
}

namespace CloudResume.Resume.Model;

public sealed class Work
{
    public string? Name { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
    public string? Position { get; set; }
    public string? Url { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Summary { get; set; }
    public IReadOnlyList<string> Highlights { get; set; } = [];
}

namespace CloudResume.Resume.Model;

public sealed class Volunteer
{
    public string? Organization { get; set; }
    public string? Position { get; set; }
    public string? Url { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Summary { get; set; }
    public IReadOnlyList<string> Highlights { get; set; } = [];
}

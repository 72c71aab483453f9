namespace CloudResume.Resume.Model;

/// <summary>What a job and a volunteer role share in the schema: a position held, when, and what came of it.</summary>
public abstract class Engagement
{
    public string? Position { get; set; }
    public string? Url { get; set; }
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public string? Summary { get; set; }
    public IReadOnlyList<string> Highlights { get; set; } = [];
}

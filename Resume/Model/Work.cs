namespace CloudResume.Resume.Model;

public sealed class Work : Engagement
{
    public string? Name { get; set; }
    public string? Location { get; set; }
    public string? Description { get; set; }
}

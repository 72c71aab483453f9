namespace CloudResume.Resume.Model;

public sealed class Volunteer : Engagement
{
    public string? Organization { get; set; }
}

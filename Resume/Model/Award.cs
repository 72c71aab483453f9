namespace CloudResume.Resume.Model;

public sealed class Award
{
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Awarder { get; set; }
    public string? Summary { get; set; }
}

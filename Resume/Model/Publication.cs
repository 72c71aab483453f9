namespace CloudResume.Resume.Model;

public sealed class Publication
{
    public string? Name { get; set; }
    public string? Publisher { get; set; }
    public string? ReleaseDate { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
}

namespace CloudResume.Resume.Model;

/// <summary>Who the resume is about: the page's heading, its title, its sharing tags and its contact details.</summary>
public sealed class Basics
{
    public string? Name { get; set; }
    public string? Label { get; set; }
    public string? Image { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Url { get; set; }
    public string? Summary { get; set; }
    public Location? Location { get; set; }
    public IReadOnlyList<Profile> Profiles { get; set; } = [];
}

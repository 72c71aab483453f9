namespace CloudResume.Resume.Model;

/// <summary>An account on a social network (LinkedIn, GitHub, ...).</summary>
public sealed class Profile
{
    public string? Network { get; set; }
    public string? Username { get; set; }
    public string? Url { get; set; }
}

namespace CloudResume.Resume.Model;

public sealed class Location
{
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
    public string? Region { get; set; }
}

namespace CloudResume.Resume.Model;

public sealed class Certificate
{
    public string? Name { get; set; }
    public string? Date { get; set; }
    public string? Url { get; set; }
    public string? Issuer { get; set; }
}

namespace CloudResume.Resume.Model;

public sealed class Language
{
    [System.Text.Json.Serialization.JsonPropertyName("language")]
    public string? Name { get; set; }
    public string? Fluency { get; set; }
}

namespace CloudResume.Resume.Model;

/// <summary>A recommendation: who gave it and what they said.</summary>
public sealed class Reference
{
    public string? Name { get; set; }
    [System.Text.Json.Serialization.JsonPropertyName("reference")]
    public string? Text { get; set; }
}

namespace CloudResume.CloudFormation;

/// <summary>A resource of the template with its properties resolved (intrinsic functions evaluated).</summary>
public sealed record TemplateResource(string LogicalId, string Type, JsonObject Properties, JsonObject Definition)
{
    public string? DeletionPolicy => (string?)Definition["DeletionPolicy"];
    public string? UpdateReplacePolicy => (string?)Definition["UpdateReplacePolicy"];

    public JsonNode Required(string property) =>
        Properties[property] ?? throw new TemplateException($"{LogicalId} ({Type}) has no {property}.");
}

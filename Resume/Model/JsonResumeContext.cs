using System.Text.Json.Serialization;

namespace CloudResume.Resume.Model;

/// <summary>Source-generated reader of a validated resume (camelCase names as in the schema; unknown fields ignored).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonResume))]
internal sealed partial class JsonResumeContext : JsonSerializerContext;

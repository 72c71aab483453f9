using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudResume.Site;

/// <summary>The body of config.json: <c>{"apiUrl":"http://localhost:5081"}</c>.</summary>
internal sealed record SiteConfig(string ApiUrl);

/// <summary>The error body shape shared with the API: <c>{"message":"..."}</c>.</summary>
internal sealed record ErrorMessage(string Message);

/// <summary>Source-generated serializers: no reflection, trimming-safe, camelCase like the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(ErrorMessage))]
internal sealed partial class SiteJsonContext : JsonSerializerContext;

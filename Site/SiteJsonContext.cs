using System.Text.Json.Serialization;
using CloudResume.Contracts.HttpApi;

namespace CloudResume.Site;

/// <summary>The body of config.json: <c>{"apiUrl":"http://localhost:5081"}</c>, and locally where the page may send its span.</summary>
internal sealed record SiteConfig(string ApiUrl, BrowserTelemetry? Telemetry);

/// <summary>An OTLP/HTTP endpoint for the page's own span: address, the headers it needs (the dashboard's key), the service name.</summary>
internal sealed record BrowserTelemetry(string Endpoint, IReadOnlyDictionary<string, string> Headers, string ServiceName);

/// <summary>Source-generated serializers: no reflection, trimming-safe, camelCase like the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(MessageBody))]
internal sealed partial class SiteJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace CloudResume.Emulator.InvokeApi;

/// <summary>Source-generated JSON for the Invoke API's own error bodies (the other documents are contracts).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(InvokeServiceError))]
public sealed partial class InvokeApiJsonContext : JsonSerializerContext;

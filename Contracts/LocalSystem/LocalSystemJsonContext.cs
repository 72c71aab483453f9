using System.Text.Json.Serialization;

namespace CloudResume.Contracts.LocalSystem;

/// <summary>Source-generated JSON for what the emulator and the AppHost exchange.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FunctionLogRecord))]
[JsonSerializable(typeof(RecycleRequest))]
[JsonSerializable(typeof(RecycleResult))]
public sealed partial class LocalSystemJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using CloudResume.Emulator.Gateway;
using CloudResume.Emulator.Lambda;
using CloudResume.Emulator.Runtime;

namespace CloudResume.Emulator.Json;

/// <summary>Source-generated JSON for every document the emulator writes (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HttpApiRequestEvent))]
[JsonSerializable(typeof(GatewayMessage))]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(InvokeServiceError))]
public sealed partial class EmulatorJsonContext : JsonSerializerContext;

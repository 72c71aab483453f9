using System.Text.Json.Serialization;
using CloudResume.Counter.Counting;
using CloudResume.Counter.Http;
using CloudResume.Counter.Runtime;

namespace CloudResume.Counter.Json;

/// <summary>Every JSON shape the function reads or writes; source-generated so Native AOT needs no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(VisitCounts))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RuntimeError))]
public sealed partial class CounterJsonContext : JsonSerializerContext;

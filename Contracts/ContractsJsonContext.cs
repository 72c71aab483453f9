using System.Text.Json.Serialization;
using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.RuntimeApi;
using CloudResume.Contracts.Visits;

namespace CloudResume.Contracts;

/// <summary>
/// Source-generated JSON for every contract type (no reflection: Native AOT safe). camelCase as AWS writes
/// them; nulls left out, as AWS leaves out absent optional fields; names read case-insensitively.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(HttpApiRequest))]
[JsonSerializable(typeof(HttpApiResponse))]
[JsonSerializable(typeof(MessageBody))]
[JsonSerializable(typeof(LambdaError))]
[JsonSerializable(typeof(RuntimeStatus))]
[JsonSerializable(typeof(VisitCounts))]
public sealed partial class ContractsJsonContext : JsonSerializerContext;

using System.Text.Json;
using CloudResume.Emulator.Json;

namespace CloudResume.Emulator.Runtime;

/// <summary>Lambda's error document <c>{"errorMessage","errorType"}</c> (Runtime API spec ErrorResponse).</summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType)
{
    public static byte[] Json(string errorType, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new LambdaError(message, errorType), EmulatorJsonContext.Default.LambdaError);
}

/// <summary>The Runtime API's <c>StatusResponse</c>.</summary>
public sealed record StatusResponse(string Status);

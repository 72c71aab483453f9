namespace CloudResume.Contracts.HttpApi;

/// <summary>
/// The one error shape of the API, <c>{"message":"..."}</c>: what API Gateway answers by itself
/// (<c>{"message":"Not Found"}</c>) and what the function answers for bad input or trouble.
/// </summary>
public sealed record MessageBody(string Message);

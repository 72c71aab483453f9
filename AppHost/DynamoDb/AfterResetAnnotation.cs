namespace CloudResume.AppHost.DynamoDb;

/// <summary>Work that must follow a reset of the table (e.g. replacing execution environments that cached what was deleted).</summary>
public sealed record AfterResetAnnotation(Func<CancellationToken, Task> Run) : IResourceAnnotation;

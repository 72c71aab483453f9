namespace CloudResume.Tests.Reliability.Support;

/// <summary>Load and bad inputs: nothing is broken on purpose, so one deployment serves both.</summary>
[CollectionDefinition(Name)]
public sealed class ServingCollection : ICollectionFixture<DeploymentFixture>
{
    public const string Name = "serving";
}

/// <summary>Function crash and timeout: DynamoDB is paused and processes killed, on a deployment of their own.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<DeploymentFixture>
{
    public const string Name = "faults";
}

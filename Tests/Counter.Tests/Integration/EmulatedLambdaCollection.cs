namespace CloudResume.Tests.Counter.Integration;

/// <summary>One dynalite and one emulator for the tests of the function against real DynamoDB (starting them takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class EmulatedLambdaCollection : ICollectionFixture<EmulatedLambda>
{
    public const string Name = "emulated lambda";
}

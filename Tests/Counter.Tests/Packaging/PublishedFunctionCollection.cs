namespace CloudResume.Tests.Counter.Packaging;

/// <summary>Alone, after the other tests: a Native AOT compile takes every core the function tests need to meet Lambda's 5 s.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishedFunctionCollection : ICollectionFixture<PublishedFunction>
{
    public const string Name = "published function";
}

using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>One in-memory dynalite for the collection; each test makes its own table, so tests stay independent.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    public DynaliteServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await DynaliteServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public async Task<string> NewTableAsync()
    {
        var name = "visits-" + Guid.NewGuid().ToString("N")[..12];
        await Server.CreateTableAsync(name);
        return name;
    }
}

[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "dynalite";
}

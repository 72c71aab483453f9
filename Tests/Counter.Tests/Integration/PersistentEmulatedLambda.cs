namespace CloudResume.Tests.Counter.Integration;

/// <summary>An <see cref="EmulatedLambda"/> whose dynalite keeps its tables on disk, so a test can stop it and start it again.</summary>
public sealed class PersistentEmulatedLambda : EmulatedLambda
{
    private readonly string _dataDirectory;

    public PersistentEmulatedLambda() : this(Path.Combine(Path.GetTempPath(), "dynalite-" + Guid.NewGuid().ToString("N")))
    {
    }

    private PersistentEmulatedLambda(string dataDirectory) : base(dataDirectory) => _dataDirectory = dataDirectory;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder; nothing depends on it.
        }
    }
}

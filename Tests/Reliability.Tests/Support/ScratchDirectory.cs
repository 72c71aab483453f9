namespace CloudResume.Tests.Reliability.Support;

/// <summary>A fresh folder under the temp directory (dynalite's data, to survive a kill), deleted afterwards.</summary>
public sealed class ScratchDirectory(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{purpose}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}

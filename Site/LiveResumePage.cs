using CloudResume.Contracts.LocalSystem;
using CloudResume.Resume;
using CloudResume.Resume.Model;

namespace CloudResume.Site;

/// <summary>
/// The resume page as the local site serves it, rendered from resume.json by the renderer the deploy uses, and
/// rendered again whenever the file is saved (no restart). A save with problems keeps the last valid page up with a
/// notice naming each problem, so a half-finished edit never blanks the page; before any valid version the answer
/// is a 503 page of the problems.
/// </summary>
internal sealed class LiveResumePage : IDisposable
{
    // Editors write a file in several steps (truncate, write, rename): render once they are done.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(40);

    private readonly ILogger<LiveResumePage> _log;
    private readonly Lock _rendering = new();
    private readonly Timer _debounce;
    private readonly FileSystemWatcher? _watcher;
    private JsonResume? _lastValid;
    private volatile RenderedPage _current;

    public LiveResumePage(IConfiguration configuration, IHostEnvironment environment, ILogger<LiveResumePage> log)
    {
        _log = log;
        var configured = configuration.GetSection(SiteSettings.SectionName).Get<SiteSettings>()?.ResumePath;
        Path = System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "resume.json" : configured, environment.ContentRootPath);
        _current = Render();
        _debounce = new Timer(_ => _current = Render());
        _watcher = Watch(Path, () => _debounce.Change(Settle, Timeout.InfiniteTimeSpan));
    }

    public string Path { get; }

    public RenderedPage Current => _current;

    private RenderedPage Render()
    {
        lock (_rendering)
        {
            var started = Stopwatch.GetTimestamp();
            var file = ResumeFile.Read(Path);
            if (file.Resume is { } resume)
            {
                _lastValid = resume;
                var html = ResumePage.Utf8(ResumePage.Render(resume));
                _log.LogInformation("Rendered {Path} in {Milliseconds:0.0} ms: {Bytes} bytes", Path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, html.Length);
                return new RenderedPage(html, StatusCodes.Status200OK);
            }
            _log.LogError("{Problems}", InvalidResumeException.Describe(Path, file.Problems) +
                (_lastValid is null ? "\nNo valid version yet: the site answers 503 with these problems." : "\nThe site keeps serving the last valid version with a notice."));
            var name = System.IO.Path.GetFileName(Path);
            return _lastValid is null
                ? new RenderedPage(ResumePage.Utf8(ResumePage.RenderProblems(name, file.Problems)), StatusCodes.Status503ServiceUnavailable)
                : new RenderedPage(ResumePage.Utf8(ResumePage.Render(_lastValid, file.Problems, name)), StatusCodes.Status200OK);
        }
    }

    private FileSystemWatcher? Watch(string path, Action changed)
    {
        var directory = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(directory))
        {
            _log.LogError("{Directory} does not exist: {Path} is not watched for changes.", directory, path);
            return null;
        }
        var watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => changed();
        watcher.Created += (_, _) => changed();
        watcher.Deleted += (_, _) => changed();
        // Editors that save through a temporary file end with a rename onto the resume's name.
        watcher.Renamed += (_, _) => changed();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }
}

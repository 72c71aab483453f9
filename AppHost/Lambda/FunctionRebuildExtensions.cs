using CloudResume.AppHost.Gateway;
using CloudResume.Local.Processes;
using CloudResume.Local.Repository;

namespace CloudResume.AppHost.Lambda;

public static class FunctionRebuildExtensions
{
    /// <summary>
    /// <b>Rebuild function</b>: builds the function into a fresh folder (the running environments keep their files) and
    /// hands the new <c>bootstrap</c> to the emulator, which replaces the environments — Lambda's UpdateFunctionCode,
    /// without restarting the AppHost. With <c>CloudResume:Function:Watch=true</c> a saved source file does the same.
    /// </summary>
    public static IResourceBuilder<LambdaFunctionResource> WithRebuildCommand(this IResourceBuilder<LambdaFunctionResource> function, EmulatorControl emulator)
    {
        var rebuild = new FunctionRebuild(emulator);
        function.WithCommand("rebuild-function", "Rebuild function", async context =>
        {
            var outcome = await rebuild.RunAsync(context.Logger, context.CancellationToken);
            return outcome.Succeeded ? CommandResults.Success(outcome.Message) : CommandResults.Failure(outcome.Message);
        }, new CommandOptions
        {
            Description = "Build the function again and replace its execution environments (the next visit runs the new code).",
            IconName = "ArrowSync",
        });
        if (function.Resource.Options.Watch && function.ApplicationBuilder.ExecutionContext.IsRunMode)
        {
            // Not ResourceReadyEvent: the function is a custom resource the api runs, and Aspire raises that event only
            // for resources it starts and health-checks itself.
            function.ApplicationBuilder.Eventing.Subscribe<AfterResourcesCreatedEvent>((@event, cancellationToken) =>
            {
                var log = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(function.Resource);
                rebuild.Watch(log);
                return Task.CompletedTask;
            });
        }
        return function;
    }

    private sealed class FunctionRebuild(EmulatorControl emulator)
    {
        private readonly SemaphoreSlim _one = new(1, 1);
        private FileSystemWatcher[] _watchers = [];
        private CancellationTokenSource? _debounce;

        public async Task<(bool Succeeded, string Message)> RunAsync(ILogger log, CancellationToken cancellationToken)
        {
            await _one.WaitAsync(cancellationToken);
            try
            {
                var started = Stopwatch.GetTimestamp();
                var output = BuildOutput.Current;
                var folder = Path.Combine(Path.GetTempPath(), "cloudresume-rebuilds", DateTime.UtcNow.ToString("yyyyMMddHHmmssfff"));
                var build = new ProcessStart("dotnet", ["build", output.Repository.Project("Counter.Lambda"), "-c", output.Configuration, "-o", folder, "-nologo", "-v", "q"]);
                log.LogInformation("Rebuilding the function: {Command}", build);
                var result = await build.RunAsync(cancellationToken);
                if (!result.Succeeded)
                {
                    var message = $"The build failed; the environments keep the previous code.\n{result.Stdout}{result.Stderr}".Trim();
                    log.LogError("{Message}", message);
                    return (false, message);
                }
                var bootstrap = Path.Combine(folder, "bootstrap");
                int recycled;
                try
                {
                    recycled = await emulator.RecycleAsync(bootstrap, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
                {
                    // Said here too: a rebuild started by watch mode has no caller to show a failure to.
                    var message = $"Built {bootstrap}, but the emulator did not take it: {e.Message}";
                    log.LogError("{Message}", message);
                    return (false, message);
                }
                var done = $"Rebuilt in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s as {bootstrap}; {recycled} execution environment(s) replaced: the next invocation runs the new code.";
                log.LogInformation("{Message}", done);
                return (true, done);
            }
            finally
            {
                _one.Release();
            }
        }

        public void Watch(ILogger log)
        {
            var repository = BuildOutput.Current.Repository;
            _watchers = [.. new[] { "Counter.Lambda", "Contracts" }.Select(project => new FileSystemWatcher(repository.Combine(project), "*.cs")
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName,
                EnableRaisingEvents = true,
            })];
            foreach (var watcher in _watchers)
            {
                watcher.Changed += (_, e) => Schedule(e.FullPath, log);
                watcher.Created += (_, e) => Schedule(e.FullPath, log);
                watcher.Renamed += (_, e) => Schedule(e.FullPath, log);
            }
            log.LogInformation("Watching the function's sources: a saved change rebuilds it.");
        }

        // Editors write a file in several steps: build once, half a second after the last of them.
        private void Schedule(string path, ILogger log)
        {
            var separator = Path.DirectorySeparatorChar;
            if (path.Contains($"{separator}obj{separator}", StringComparison.Ordinal) || path.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            {
                return;
            }
            var debounce = new CancellationTokenSource();
            Interlocked.Exchange(ref _debounce, debounce)?.Cancel();
            _ = Task.Delay(TimeSpan.FromMilliseconds(500), debounce.Token)
                .ContinueWith(_ => RunAsync(log, CancellationToken.None), debounce.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }
}

using CloudResume.Resume;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudResume.AppHost.Site;

/// <summary>
/// The <c>site</c> resource's check of its resume file: unhealthy, with every problem (field path and what is wrong) as
/// the description the dashboard shows, while the file is not a valid resume. Reads the file again only once it changed.
/// </summary>
internal sealed class ResumeFileHealthCheck(string path) : IHealthCheck
{
    private (DateTime Written, long Length, HealthCheckResult Result)? _last;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var info = new FileInfo(path);
        var written = info.Exists ? info.LastWriteTimeUtc : DateTime.MinValue;
        var length = info.Exists ? info.Length : -1;
        if (_last is not { } last || last.Written != written || last.Length != length)
        {
            var file = ResumeFile.Read(path);
            var result = file.IsValid
                ? HealthCheckResult.Healthy($"{path} is a valid resume.")
                : HealthCheckResult.Unhealthy(InvalidResumeException.Describe(path, file.Problems));
            _last = last = (written, length, result);
        }
        return Task.FromResult(last.Result);
    }
}

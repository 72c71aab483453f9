namespace CloudResume.Contracts.LocalSystem;

/// <summary>What the local site host (Site/) is told by the AppHost: section <c>Site</c> of its configuration.</summary>
public sealed class SiteSettings
{
    public const string SectionName = "Site";

    /// <summary>Base URL of the counter API, served to the page as config.json. Default none (the page shows its quiet fallback).</summary>
    public string? ApiUrl { get; set; }

    /// <summary>
    /// Locally only: an OTLP/HTTP endpoint (the Aspire dashboard's) the page may send its own span to, so one visit is
    /// one trace from the browser on. Default none: the page sends no telemetry (as the deployed site never does).
    /// </summary>
    public string? BrowserTelemetryEndpoint { get; set; }

    /// <summary>
    /// The JSON Resume file the page is rendered from (re-rendered on every save). Default <c>resume.json</c> beside the
    /// site host's project file, i.e. Site/resume.json; the AppHost passes its own <c>CloudResume:Resume</c>.
    /// </summary>
    public string? ResumePath { get; set; }

    public static string EnvironmentVariable(string property) => $"{SectionName}__{property}";
}

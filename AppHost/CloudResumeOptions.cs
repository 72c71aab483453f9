using Microsoft.Extensions.Configuration;

namespace CloudResume.AppHost;

/// <summary>
/// The AppHost's settings (section <c>CloudResume</c> of appsettings.json, or
/// <c>--CloudResume:ApiPort 6081</c> on the command line, or <c>CloudResume__ApiPort</c> in the environment).
/// </summary>
public sealed class CloudResumeOptions
{
    /// <summary>The CloudFormation template, relative to the AppHost folder: the single source of truth.</summary>
    public string Template { get; set; } = "../infra/template.yaml";

    /// <summary>The JSON Resume file the page is rendered from, relative to the AppHost folder; the deploy renders the same file.</summary>
    public string Resume { get; set; } = "../Site/resume.json";

    /// <summary>Stable local ports so a bookmark keeps working.</summary>
    public int SitePort { get; set; } = 5080;
    public int ApiPort { get; set; } = 5081;

    public DynamoDbOptions DynamoDb { get; set; } = new();

    public FunctionOptions Function { get; set; } = new();

    /// <summary>
    /// The template's parameters for the local stack (e.g. <c>--CloudResume:Parameters:MaxViewsPerVisitorPerDay=100</c>);
    /// the rest keep the template's defaults. Default none.
    /// </summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    public string SiteOrigin => $"http://localhost:{SitePort}";

    public string TemplatePath(string appHostDirectory) => Path.GetFullPath(Path.Combine(appHostDirectory, Template));

    public string ResumePath(string appHostDirectory) => Path.GetFullPath(Path.Combine(appHostDirectory, Resume));

    public static CloudResumeOptions From(IConfiguration configuration) =>
        configuration.GetSection("CloudResume").Get<CloudResumeOptions>() ?? new();
}

/// <summary>How the function runs locally (section <c>CloudResume:Function</c>).</summary>
public sealed class FunctionOptions
{
    /// <summary>Rebuild and reload the function when one of its source files is saved. Default false.</summary>
    public bool Watch { get; set; }

    /// <summary>
    /// Run the function as an ordinary project resource that polls the emulator's Runtime API (one execution
    /// environment you can debug, F5 or attach) instead of bootstrap processes the emulator starts. Default false.
    /// </summary>
    public bool Debug { get; set; }
}

public sealed class DynamoDbOptions
{
    /// <summary><c>dynalite</c> (default, npm), <c>docker</c> (amazon/dynamodb-local), <c>endpoint</c> or <c>aws</c>.</summary>
    public string Provider { get; set; } = "dynalite";

    /// <summary>Keep no data between runs.</summary>
    public bool InMemory { get; set; }

    /// <summary>Where dynalite keeps its data, relative to the AppHost folder.</summary>
    public string DataPath { get; set; } = "../.dynamodb";

    /// <summary>An existing DynamoDB-compatible endpoint (provider <c>endpoint</c>).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The table's physical name (the template's <c>VisitsTable</c>).</summary>
    public string TableName { get; set; } = "Visits";

    public string Region { get; set; } = "us-east-1";
}

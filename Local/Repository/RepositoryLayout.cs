namespace CloudResume.Local.Repository;

/// <summary>
/// Where things are in a checkout of CloudResume: the folder holding <c>CloudResume.sln</c> and the files the
/// local system reads from it. Found once by walking up from the running program (or a given folder).
/// </summary>
public sealed class RepositoryLayout(string root)
{
    public const string SolutionFile = "CloudResume.sln";

    private static readonly Lazy<RepositoryLayout> Located = new(() =>
        TryLocate(AppContext.BaseDirectory) ?? TryLocate(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException(
            $"{SolutionFile} not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run from a CloudResume checkout."));

    /// <summary>The checkout the running program belongs to (or was started in).</summary>
    public static RepositoryLayout Current => Located.Value;

    public string Root { get; } = Path.GetFullPath(root);

    public string Template => Path.Combine(Root, "infra", "template.yaml");

    public string SiteRoot => Path.Combine(Root, "Site", "wwwroot");

    /// <summary>The JSON Resume file the page is rendered from (locally by the site host, for AWS by the deploy).</summary>
    public string Resume => Path.Combine(Root, "Site", "resume.json");

    public string Artifacts => Path.Combine(Root, "artifacts");

    /// <summary>What <c>dotnet publish Counter.Lambda -r linux-*</c> writes (see Counter.Lambda.csproj).</summary>
    public string FunctionZip => Path.Combine(Artifacts, "counter-lambda.zip");

    /// <summary>dynalite's command-line entry, installed by <c>npm ci</c> from package-lock.json.</summary>
    public string DynaliteCli => Path.Combine(Root, "node_modules", "dynalite", "cli.js");

    public string Project(string name) => Path.Combine(Root, name, name + ".csproj");

    public string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static RepositoryLayout? TryLocate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return new RepositoryLayout(dir.FullName);
            }
        }
        return null;
    }
}

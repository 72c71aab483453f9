using CloudResume.Local.Repository;

namespace CloudResume.Local.DynamoDb;

/// <summary>
/// The one command line of DynamoDB Local here: dynalite (npm, pinned in package-lock.json) on loopback,
/// tables ACTIVE at once, in memory unless given a folder. The AppHost and <see cref="DynaliteServer"/> both run it.
/// </summary>
public static class DynaliteCommand
{
    public const string Program = "node";

    /// <summary>The arguments before <c>--port</c> and <c>--path</c>, which only the caller knows.</summary>
    public static IReadOnlyList<string> FixedArguments(RepositoryLayout repository) =>
        [repository.DynaliteCli, "--host", "127.0.0.1", "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"];

    public static IReadOnlyList<string> Arguments(RepositoryLayout repository, int port, string? dataDirectory) =>
        [.. FixedArguments(repository), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
         .. dataDirectory is null ? Array.Empty<string>() : ["--path", dataDirectory]];

    public static void RequireInstalled(RepositoryLayout repository)
    {
        if (!File.Exists(repository.DynaliteCli))
        {
            throw new InvalidOperationException($"dynalite is not installed ({repository.DynaliteCli}); run `npm ci` in {repository.Root}.");
        }
    }
}

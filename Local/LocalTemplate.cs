using CloudResume.CloudFormation;
using CloudResume.Local.Repository;

namespace CloudResume.Local;

/// <summary>
/// infra/template.yaml read as the local stack: the same resources as in AWS, with the table's name, the
/// region and the site origin chosen locally. Everything local that needs the table, the function or the
/// API reads them here.
/// </summary>
public static class LocalTemplate
{
    public const string DefaultTableName = "Visits";

    /// <param name="siteOrigin">The allowed CORS origin (the template's <see cref="CounterStack.SiteOriginParameter"/>); null: none.</param>
    public static CounterStack Load(
        string? templatePath = null, string tableName = DefaultTableName, string? siteOrigin = null, string region = "us-east-1",
        IReadOnlyDictionary<string, string>? parameters = null)
    {
        var path = templatePath ?? RepositoryLayout.Current.Template;
        var all = new Dictionary<string, string>(parameters ?? new Dictionary<string, string>());
        if (siteOrigin is not null)
        {
            all[CounterStack.SiteOriginParameter] = siteOrigin;
        }
        return CounterStack.Load(path, new StackContext
        {
            Region = region,
            Parameters = all,
            PhysicalIds = new Dictionary<string, string> { [Table(tableName, path).LogicalId] = tableName },
        });
    }

    /// <summary>The template's table definition under a local name.</summary>
    public static TableDefinition Table(string tableName, string? templatePath = null) =>
        CounterStack.Load(templatePath ?? RepositoryLayout.Current.Template).Table with { TableName = tableName };
}

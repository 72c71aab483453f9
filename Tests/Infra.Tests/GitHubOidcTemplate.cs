namespace CloudResume.Tests.Infra;

/// <summary>infra/github-oidc.yaml read through the CloudFormation reader, for a repository and stack of the tests.</summary>
internal static class GitHubOidcTemplate
{
    public static readonly string Path = RepositoryLayout.Current.Combine("infra", "github-oidc.yaml");

    public static CloudFormationTemplate Load(params (string Name, string Value)[] parameters) =>
        CloudFormationTemplate.Load(Path, new StackContext
        {
            StackName = "cloudresume-github",
            AccountId = "123456789012",
            Parameters = new Dictionary<string, string>(parameters.ToDictionary(p => p.Name, p => p.Value))
            {
                ["GitHubRepository"] = "octo/resume",
                ["ArtifactBucket"] = "octo-artifacts",
            },
        });

    public static IReadOnlyList<JsonObject> DeployRoleStatements() =>
        [.. (Load().Resource("DeployRole").Properties["Policies"] as JsonArray ?? [])
            .SelectMany(policy => policy!["PolicyDocument"]!["Statement"]!.AsArray()).OfType<JsonObject>()];

    public static IReadOnlyList<string> DeployRoleActions() =>
        [.. DeployRoleStatements().SelectMany(s => PolicyValues.Strings(s["Action"])).Distinct()];
}

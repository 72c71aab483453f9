namespace CloudResume.Tests.Infra;

/// <summary>
/// The CI/CD identity (infra/github-oidc.yaml): GitHub's OIDC tokens of one repository's one branch may assume the
/// deploy role; the role lists actions one by one (no wildcard), cannot delete the stack or the table of counts,
/// and names the stack's own resources wherever AWS has resource-level permissions.
/// </summary>
public sealed class GitHubOidcTests
{
    /// <summary>
    /// Actions AWS grants only account-wide: API Gateway's log delivery (on "*"), and listing log groups (on every
    /// group of the region, which CloudFormation does to find the stack's).
    /// </summary>
    private static readonly string[] UnscopableActions =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:CreateLogGroup", "logs:DescribeLogGroups",
    ];

    [Fact]
    public void Only_this_repositorys_main_branch_may_assume_the_role_through_githubs_oidc_provider()
    {
        var trust = GitHubOidcTemplate.Load().Resource("DeployRole").Properties["AssumeRolePolicyDocument"]!["Statement"]!.AsArray();

        var statement = Assert.Single(trust)!;
        Assert.Equal("sts:AssumeRoleWithWebIdentity", statement["Action"]!.ToString());
        Assert.Equal("GitHubOidcProvider", statement["Principal"]!["Federated"]!.ToString());
        var equals = statement["Condition"]!["StringEquals"]!;
        Assert.Equal("sts.amazonaws.com", equals["token.actions.githubusercontent.com:aud"]!.ToString());
        Assert.Equal("repo:octo/resume:ref:refs/heads/main", equals["token.actions.githubusercontent.com:sub"]!.ToString());
        Assert.Null(statement["Condition"]!["StringLike"]); // no wildcard subject
        Assert.Equal(["sts.amazonaws.com"], PolicyValues.Strings(GitHubOidcTemplate.Load().Resource("GitHubOidcProvider").Properties["ClientIdList"]));
    }

    [Fact]
    public void An_existing_provider_is_reused_because_an_account_has_one_per_url()
    {
        var arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
        var template = GitHubOidcTemplate.Load(("ExistingOidcProviderArn", arn));

        Assert.DoesNotContain(template.Resources, r => r.LogicalId == "GitHubOidcProvider");
        Assert.Equal(arn, template.Resource("DeployRole").Properties["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Federated"]!.ToString());
    }

    [Fact]
    public void No_action_is_a_wildcard_and_nothing_can_delete_the_stack_or_the_counts()
    {
        var actions = GitHubOidcTemplate.DeployRoleActions();

        Assert.NotEmpty(actions);
        Assert.DoesNotContain(actions, a => a.Contains('*'));
        Assert.DoesNotContain("cloudformation:DeleteStack", actions);
        Assert.DoesNotContain("dynamodb:DeleteTable", actions);
        Assert.All(GitHubOidcTemplate.DeployRoleStatements(), s =>
        {
            Assert.Equal("Allow", s["Effect"]!.ToString());
            Assert.Null(s["NotAction"]);
            Assert.Null(s["NotResource"]);
        });
    }

    [Fact]
    public void Resources_are_the_stacks_own_wherever_aws_allows_and_account_wide_only_for_actions_without_resource_level_permissions()
    {
        foreach (var statement in GitHubOidcTemplate.DeployRoleStatements())
        {
            var resources = PolicyValues.Strings(statement["Resource"]);
            var actions = PolicyValues.Strings(statement["Action"]);
            if (resources.All(r => r is "*" or "arn:aws:logs:us-east-1:123456789012:log-group:*"))
            {
                Assert.All(actions, a => Assert.Contains(a, UnscopableActions));
                continue;
            }
            // Named after the stack (cloudresume) or its artifact bucket; else an id AWS makes (CloudFront, an API) or a
            // change set, whose ARN holds no stack name: scoped by the name prefix its maker uses.
            Assert.All(resources, r => Assert.True(
                r.Contains("cloudresume", StringComparison.Ordinal) || r.Contains("octo-artifacts", StringComparison.Ordinal)
                || r.StartsWith("arn:aws:cloudfront::123456789012:", StringComparison.Ordinal) || r.StartsWith("arn:aws:apigateway:us-east-1::/", StringComparison.Ordinal)
                || r.StartsWith("arn:aws:cloudformation:us-east-1:123456789012:changeSet/awscli-cloudformation-package-deploy-", StringComparison.Ordinal)
                || r.StartsWith("arn:aws:cloudformation:us-east-1:123456789012:changeSet/preview-", StringComparison.Ordinal),
                $"{statement["Sid"]}: {r} is not scoped to the stack"));
        }
    }

    [Fact]
    public void The_function_role_can_only_get_the_xray_policy_and_only_be_passed_to_lambda()
    {
        var statements = GitHubOidcTemplate.DeployRoleStatements();

        var attach = Assert.Single(statements, s => PolicyValues.Strings(s["Action"]).Contains("iam:AttachRolePolicy"));
        Assert.Equal("arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess", attach["Condition"]!["ArnEquals"]!["iam:PolicyARN"]!.ToString());
        var pass = Assert.Single(statements, s => PolicyValues.Strings(s["Action"]).Contains("iam:PassRole"));
        Assert.Equal("lambda.amazonaws.com", pass["Condition"]!["StringEquals"]!["iam:PassedToService"]!.ToString());
    }
}

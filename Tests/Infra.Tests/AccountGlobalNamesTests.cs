namespace CloudResume.Tests.Infra;

/// <summary>
/// CloudFront's origin access controls and response headers policies, AWS Budgets' budgets and IAM's roles are
/// named per account, not per region: the same stack name deployed in a second region must not collide
/// (CloudFront answers AlreadyExists and the stack rolls back).
/// </summary>
public sealed class AccountGlobalNamesTests
{
    private static IEnumerable<string> GlobalNames(string region)
    {
        var template = TemplateFile.LoadIn(region, ("BudgetEmail", "owner@example.com"));
        yield return template.Resource("SiteOriginAccessControl").Properties["OriginAccessControlConfig"]!["Name"]!.ToString();
        yield return template.Resource("SiteHeadersPolicy").Properties["ResponseHeadersPolicyConfig"]!["Name"]!.ToString();
        yield return template.Resource("MonthlyBudget").Properties["Budget"]!["BudgetName"]!.ToString();
    }

    [Fact]
    public void The_same_stack_in_two_regions_gets_different_account_wide_names()
    {
        var east = GlobalNames("us-east-1").ToList();
        var west = GlobalNames("eu-west-1").ToList();

        Assert.All(east, name => Assert.Contains("resume-us-east-1", name));
        Assert.Empty(east.Intersect(west));
    }

    [Fact]
    public void Origin_access_control_names_fit_cloudfronts_64_characters_with_a_40_character_stack_name_in_the_longest_region()
    {
        var template = CloudFormationTemplate.Load(TemplateFile.Path, new StackContext { StackName = new string('s', 40), Region = "ap-southeast-4" });

        Assert.InRange(template.Resource("SiteOriginAccessControl").Properties["OriginAccessControlConfig"]!["Name"]!.ToString().Length, 1, 64);
    }

    [Fact]
    public void The_role_has_no_fixed_name_so_cloudformation_makes_one_unique_in_the_account()
    {
        Assert.Null(TemplateFile.Load().Resource("CounterFunctionRole").Properties["RoleName"]);
    }
}

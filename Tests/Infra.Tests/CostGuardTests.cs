namespace CloudResume.Tests.Infra;

/// <summary>
/// A flood costs what the stage throttle lets through: the docs give that worst case for the template's defaults,
/// and an optional AWS Budgets budget mails the owner at 80 % and 100 % of a monthly amount.
/// </summary>
public sealed class CostGuardTests
{
    private static readonly string DeployDoc = File.ReadAllText(RepositoryLayout.Current.Combine("docs", "deploy.md"));

    [Fact]
    public void Without_an_email_there_is_no_budget()
    {
        Assert.DoesNotContain(TemplateFile.Load().Resources, r => r.Type == "AWS::Budgets::Budget");
    }

    [Fact]
    public void With_an_email_a_monthly_cost_budget_mails_it_at_80_and_100_percent_of_the_amount()
    {
        var budget = TemplateFile.Load(("BudgetEmail", "owner@example.com"), ("MonthlyBudgetUsd", "25")).Resource("MonthlyBudget").Properties;

        Assert.Equal("COST", budget["Budget"]!["BudgetType"]!.ToString());
        Assert.Equal("MONTHLY", budget["Budget"]!["TimeUnit"]!.ToString());
        Assert.Equal(25, NodeValue.Int(budget["Budget"]!["BudgetLimit"]!["Amount"]));
        Assert.Equal("USD", budget["Budget"]!["BudgetLimit"]!["Unit"]!.ToString());
        var notifications = budget["NotificationsWithSubscribers"]!.AsArray().Select(n => n!).ToList();
        Assert.Equal([80, 100], notifications.Select(n => NodeValue.Int(n["Notification"]!["Threshold"])).Order());
        Assert.All(notifications, n =>
        {
            Assert.Equal("ACTUAL", n["Notification"]!["NotificationType"]!.ToString());
            Assert.Equal("PERCENTAGE", n["Notification"]!["ThresholdType"]!.ToString());
            Assert.Equal("GREATER_THAN", n["Notification"]!["ComparisonOperator"]!.ToString());
            var subscriber = Assert.Single(n["Subscribers"]!.AsArray())!;
            Assert.Equal(("EMAIL", "owner@example.com"), (subscriber["SubscriptionType"]!.ToString(), subscriber["Address"]!.ToString()));
        });
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("a@b")]
    public void A_budget_email_that_is_no_address_is_refused_before_deploying(string email)
    {
        Assert.Throws<TemplateException>(() => TemplateFile.Load(("BudgetEmail", email)));
    }

    [Fact]
    public void The_documented_worst_case_is_computed_from_the_templates_default_rate()
    {
        var rate = int.Parse(TemplateFile.Load().Parameters["ThrottlingRateLimit"], CultureInfo.InvariantCulture);
        var requestsPerMonth = rate * 30L * 24 * 3600;

        Assert.Contains($"{rate} requests/s × 2,592,000 s = {requestsPerMonth.ToString("N0", CultureInfo.InvariantCulture)} requests", DeployDoc);
    }

    [Fact]
    public void The_readme_and_the_deploy_doc_give_the_same_monthly_cost()
    {
        var readme = File.ReadAllText(RepositoryLayout.Current.Combine("README.md"));
        var figure = System.Text.RegularExpressions.Regex.Match(readme, @"about (\$[0-9.]+) a month").Groups[1].Value;

        Assert.NotEqual("", figure);
        Assert.Contains($"≈ **{figure} a month**", DeployDoc);
    }
}

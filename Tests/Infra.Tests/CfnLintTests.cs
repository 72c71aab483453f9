namespace CloudResume.Tests.Infra;

/// <summary>cfn-lint is the schema gate: both templates pass with no finding at any level, and the gate can fail.</summary>
public sealed class CfnLintTests
{
    [Theory]
    [InlineData("template.yaml")]
    [InlineData("github-oidc.yaml")] // CI's OIDC provider and deploy role
    public async Task The_template_has_no_finding_at_all_informational_included(string template)
    {
        var result = await CfnLint.RunAsync(Path.Combine(Path.GetDirectoryName(TemplateFile.Path)!, template));

        Assert.True(result.ExitCode == 0 && result.Findings.Count == 0, result.ToString());
    }

    [Theory]
    [InlineData("Runtime: provided.al2023", "Runtime: provided.al2099", "E3030")]
    [InlineData("          TargetOriginId: site-bucket\n", "", "E3003")] // a required property missing
    [InlineData("            Action: s3:GetObject\n", "            Action: s3:GetObjectz\n", "W3037")]
    public async Task A_broken_copy_of_the_template_is_rejected(string original, string broken, string expectedRule)
    {
        var text = await File.ReadAllTextAsync(TemplateFile.Path);
        Assert.Contains(original, text);
        var copy = Path.Combine(Path.GetTempPath(), $"broken-template-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(copy, text.Replace(original, broken));
        try
        {
            var result = await CfnLint.RunAsync(copy);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(result.Findings, f => f?["Rule"]?["Id"]?.ToString().StartsWith(expectedRule, StringComparison.Ordinal) == true);
        }
        finally
        {
            File.Delete(copy);
        }
    }
}

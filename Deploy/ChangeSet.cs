namespace CloudResume.Deploy;

/// <summary>One resource change a change set would make: "Add", "Modify" or "Remove", and how.</summary>
public sealed record ResourceChange(string Action, string LogicalId, string ResourceType, string? Replacement, IReadOnlyList<string> Properties)
{
    public override string ToString() =>
        $"  {Action,-7} {LogicalId} ({ResourceType})" +
        (Replacement is null or "False" ? "" : $" replacement: {Replacement}") +
        (Properties.Count == 0 ? "" : $" — {string.Join(", ", Properties)}");

    public static ResourceChange From(JsonNode change)
    {
        var resource = change["ResourceChange"]!;
        return new ResourceChange(
            resource["Action"]?.ToString() ?? "?",
            resource["LogicalResourceId"]?.ToString() ?? "?",
            resource["ResourceType"]?.ToString() ?? "?",
            resource["Replacement"]?.ToString(),
            [.. (resource["Details"] as JsonArray ?? []).Select(d => d?["Target"]?["Name"]?.ToString()).OfType<string>().Distinct()]);
    }
}

/// <summary>
/// A CloudFormation change set of the template with the deploy's parameters: created, described, then
/// deleted — never executed. Parameters the deploy does not pass keep the stack's previous values, as
/// <c>aws cloudformation deploy</c> keeps them.
/// </summary>
public sealed class ChangeSet(AwsCli aws, DeployOptions options, Action<string> log)
{
    public async Task<IReadOnlyList<ResourceChange>> PreviewAsync(
        IReadOnlyDictionary<string, string> parameters, StackOutputs? existing, CancellationToken cancellationToken)
    {
        // A stack only a preview has made (REVIEW_IN_PROGRESS) still needs a CREATE change set.
        var isNew = existing is null || existing.Status == "REVIEW_IN_PROGRESS";
        var name = $"preview-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var given = parameters.Select(p => new JsonObject { ["ParameterKey"] = p.Key, ["ParameterValue"] = p.Value });
        var kept = isNew ? [] : existing!.Parameters.Keys.Where(key => !parameters.ContainsKey(key))
            .Select(key => new JsonObject { ["ParameterKey"] = key, ["UsePreviousValue"] = true });
        await aws.JsonAsync(
        [
            "cloudformation", "create-change-set", "--stack-name", options.StackName, "--change-set-name", name,
            "--change-set-type", isNew ? "CREATE" : "UPDATE", "--template-body", $"file://{options.TemplatePath}",
            "--capabilities", "CAPABILITY_IAM", "--parameters", new JsonArray([.. given, .. kept]).ToJsonString(),
        ], cancellationToken);
        log($"  change set {name} created ({(isNew ? "CREATE" : "UPDATE")}); it will not be executed");
        try
        {
            var described = await DescribeWhenReadyAsync(name, cancellationToken);
            return described is null ? [] : [.. (described["Changes"] as JsonArray ?? []).OfType<JsonNode>().Select(ResourceChange.From)];
        }
        finally
        {
            await aws.RunAsync(["cloudformation", "delete-change-set", "--stack-name", options.StackName, "--change-set-name", name], cancellationToken);
            if (existing is null)
            {
                // CREATE made an empty stack in REVIEW_IN_PROGRESS; a preview leaves nothing behind.
                await aws.RunAsync(["cloudformation", "delete-stack", "--stack-name", options.StackName], cancellationToken);
            }
            log($"  change set {name} deleted");
        }
    }

    /// <returns>The change set, or null when CloudFormation found nothing to change.</returns>
    private async Task<JsonNode?> DescribeWhenReadyAsync(string name, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var described = await aws.JsonAsync(
                ["cloudformation", "describe-change-set", "--stack-name", options.StackName, "--change-set-name", name], cancellationToken);
            var status = described?["Status"]?.ToString();
            if (status == "CREATE_COMPLETE")
            {
                return described;
            }
            if (status == "FAILED")
            {
                var reason = described?["StatusReason"]?.ToString() ?? "";
                return reason.Contains("didn't contain changes", StringComparison.Ordinal) || reason.Contains("No updates", StringComparison.Ordinal)
                    ? null
                    : throw new DeployException($"CloudFormation could not make the change set: {reason}");
            }
            // CloudFormation takes seconds to a minute; poll faster than the CLI's 30-second waiter.
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(1 + attempt, 5)), cancellationToken);
        }
    }
}

using CloudResume.CloudFormation;

namespace CloudResume.Deploy;

/// <summary>
/// <c>logs</c>: the function's and the API's log events since a moment, oldest first, each tagged with its source;
/// with <c>--follow</c> it keeps polling until cancelled (like <c>sam logs --tail</c>). Works with aws CLI v1 and v2
/// (<c>filter-log-events</c>; v1 has no <c>logs tail</c>).
/// </summary>
public static class StackLogs
{
    /// <summary>The stack's log groups by the name each line is tagged with.</summary>
    public static readonly IReadOnlyList<(string Source, string LogicalId)> Groups = [("function", "CounterLogGroup"), ("api", "ApiAccessLogGroup")];

    public static async Task<int> RunAsync(DeployOptions options, TimeSpan since, bool follow, Action<string> log, CancellationToken cancellationToken = default)
    {
        var session = await DeploySession.StartAsync(options, log, cancellationToken);
        // The template names both groups after the stack; the stack must exist for them to.
        _ = await new StackDeployer(session.Aws, session.Options, log).DescribeAsync(cancellationToken)
            ?? throw new DeployException($"There is no stack {session.Options.StackName} in {session.Target}: deploy it first.");
        var template = CloudFormationTemplate.Load(session.Options.TemplatePath,
            new StackContext { StackName = session.Options.StackName, Region = session.Options.Region!, Parameters = session.Options.Parameters });
        var groups = Groups.Select(g => (g.Source, Name: template.Resource(g.LogicalId).Properties["LogGroupName"]!.ToString())).ToList();
        log($"logs of {string.Join(" and ", groups.Select(g => g.Name))} since {since}" + (follow ? " (following; Ctrl+C stops)" : ""));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var from = DateTimeOffset.UtcNow - since;
        var printed = 0;
        do
        {
            var events = new List<(long Time, string Line, string Id)>();
            foreach (var (source, name) in groups)
            {
                events.AddRange(await EventsAsync(session.Aws, source, name, from, cancellationToken));
            }
            foreach (var (time, line, _) in events.Where(e => seen.Add(e.Id)).OrderBy(e => e.Time))
            {
                log(line);
                printed++;
                from = DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(from.ToUnixTimeMilliseconds(), time));
            }
            if (follow)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
        while (follow);
        return printed;
    }

    private static async Task<IEnumerable<(long, string, string)>> EventsAsync(AwsCli aws, string source, string group, DateTimeOffset from, CancellationToken cancellationToken)
    {
        // The CLI follows nextToken itself and merges the pages.
        var result = await aws.JsonAsync(
            ["logs", "filter-log-events", "--log-group-name", group, "--start-time", from.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)],
            cancellationToken);
        return (result?["events"] as JsonArray ?? []).OfType<JsonObject>().Select(e =>
        {
            var time = e["timestamp"]?.GetValue<long>() ?? 0;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(time).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
            return (time, $"[{source}] {at} {e["message"]?.ToString().TrimEnd()}", e["eventId"]?.ToString() ?? $"{group}/{time}/{e["message"]}");
        });
    }
}

namespace CloudResume.Deploy;

/// <summary><c>outputs</c>: the stack's outputs (site and API URLs, bucket, distribution, table, function) as they stand.</summary>
public static class StackOutputsReport
{
    public static async Task<StackOutputs> RunAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken = default)
    {
        var session = await DeploySession.StartAsync(options, log, cancellationToken);
        var stack = await new StackDeployer(session.Aws, session.Options, log).DescribeAsync(cancellationToken)
            ?? throw new DeployException($"There is no stack {session.Options.StackName} in {session.Target}: deploy it first.");
        stack.Print(session.Options.StackName, session.Options.StandIns, log);
        return stack;
    }
}

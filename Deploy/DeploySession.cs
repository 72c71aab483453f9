namespace CloudResume.Deploy;

/// <summary>
/// What every operation (deploy, preview, outputs, logs, destroy) starts with: the options checked, the real
/// target resolved and named, the CLI and credentials proven to work.
/// </summary>
public sealed record DeploySession(DeployOptions Options, AwsTarget Target, AwsCli Aws)
{
    public static async Task<DeploySession> StartAsync(DeployOptions options, Action<string> log, CancellationToken cancellationToken)
    {
        var target = await AwsTarget.ResolveAsync(options, cancellationToken);
        var region = target.Region ?? throw new DeployException(
            "No AWS region: pass --region, set AWS_REGION, or give the profile one (`aws configure set region eu-west-1" +
            (options.Profile is null ? "" : $" --profile {options.Profile}") + "`).");
        options = options with { Region = region };
        var aws = new AwsCli(options);
        log($"target: stack {options.StackName} in {target}");
        log("checking the aws CLI and credentials...");
        var account = await AwsPreflight.CheckAsync(aws, cancellationToken);
        log($"  account {account}");
        return new DeploySession(options, target, aws);
    }
}

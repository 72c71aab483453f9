using CloudResume.Deploy;

// dotnet run --project Deploy -- --artifact-bucket my-artifacts [--dry-run]; see DeployOptions.Usage.
if (args is ["--help" or "-h"])
{
    Console.WriteLine(DeployOptions.Usage);
    return 0;
}
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    await AwsDeployment.RunAsync(DeployOptions.Parse(args), Console.WriteLine, cancel.Token);
    return 0;
}
catch (DeployException e)
{
    Console.Error.WriteLine($"deploy failed: {e.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("deploy cancelled.");
    return 130;
}

using System.CommandLine;
using CloudResume.Deploy;

// dotnet run --project Deploy -- --artifact-bucket my-artifacts [--dry-run]; --help lists the options.
var commandLine = new DeployCommandLine();
commandLine.Root.SetAction(async (parsed, cancellationToken) =>
{
    try
    {
        await AwsDeployment.RunAsync(commandLine.Options(parsed), Console.WriteLine, cancellationToken);
        return 0;
    }
    catch (DeployException e)
    {
        await Console.Error.WriteLineAsync($"deploy failed: {e.Message}");
        return 1;
    }
    catch (OperationCanceledException)
    {
        await Console.Error.WriteLineAsync("deploy cancelled.");
        return 130;
    }
});
return await commandLine.Root.Parse(args).InvokeAsync();

using System.CommandLine;
using CloudResume.Emulator.Hosting;

// Local API Gateway HTTP API (payload 2.0) + Lambda Runtime API, configured from infra/template.yaml:
//   dotnet run --project Emulator -- --template infra/template.yaml --gateway-port 8000 --runtime-port 9001
var commandLine = new EmulatorCommandLine();
commandLine.Root.SetAction((parsed, cancellationToken) => EmulatorApplication.RunAsync(parsed, commandLine, cancellationToken));
// The web host handles SIGTERM/Ctrl+C itself (a graceful stop that also ends the execution environments).
return await commandLine.Root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

using CloudResume.Deploy;

// dotnet run --project Deploy -- [deploy|preview|outputs|logs|destroy] [options]; --help lists them.
return await new DeployCommandLine().Root.Parse(args).InvokeAsync();

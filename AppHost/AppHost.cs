// Placeholder until the AppHost issue fills it in.
var builder = DistributedApplication.CreateBuilder(args);
builder.Build().Run();

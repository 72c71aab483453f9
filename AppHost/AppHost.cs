using CloudResume.AppHost;
using CloudResume.AppHost.Deployment;
using CloudResume.AppHost.DynamoDb;
using CloudResume.AppHost.Gateway;
using CloudResume.AppHost.Lambda;
using CloudResume.AppHost.Site;
using CloudResume.AppHost.Startup;

// CloudResume locally: the same template as AWS, DynamoDB Local, the function behind the API, the site.
var builder = DistributedApplication.CreateBuilder(args);
var options = CloudResumeOptions.From(builder.Configuration);
if (!builder.PortsAreFree(options))
{
    return 2;
}
builder.ReportStartup();
var stack = builder.ReadCounterStack(options);

var dynamodb = builder.AddDynamoDb("dynamodb", options.DynamoDb);
var visits = dynamodb.AddTable("visits", stack.Table);

var counter = builder.AddLambdaFunction<Projects.Counter_Lambda>("counter", stack.Function, options.Function)
    .WithReference(visits);

var api = builder.AddHttpApiEmulator<Projects.Emulator>("api", stack, options)
    .WithFunction(counter)
    .WaitFor(visits);

// The page copes with the API being down (a quiet fallback), so the site starts alongside it, not after.
builder.AddResumeSite<Projects.Site>("site", options)
    .WithResume(options.ResumePath(builder.AppHostDirectory))
    .WithApiUrl(api);

// `aspire deploy`: the same template to AWS, the AOT bootstrap, the site to S3 + CloudFront.
builder.AddAwsDeployment(options.TemplatePath(builder.AppHostDirectory), options.ResumePath(builder.AppHostDirectory));

builder.Build().Run();
return 0;

using CloudResume.Contracts.Site;
using CloudResume.Site;

// Local host for the static resume: the same files S3 serves, plus the config.json and
// security headers that CloudFront and the deployment provide in AWS.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDefaultFiles();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControlPolicy.For(context.File.Name),
});

app.MapSiteConfig();
app.MapDefaultEndpoints();

app.Run();

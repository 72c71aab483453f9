using CloudResume.Contracts.Site;
using CloudResume.Site;

// Local host for the static resume: the page rendered from resume.json as the deploy renders it, the same assets
// S3 serves, plus the config.json and security headers that CloudFront and the deployment provide in AWS.
var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddSingleton<LiveResumePage>();

var app = builder.Build();

// Rendered (and its file watched) before the first request, so a problem in resume.json is logged at start.
_ = app.Services.GetRequiredService<LiveResumePage>();

app.UseSecurityHeaders();
app.UseStaticFiles(new StaticFileOptions
{
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControlPolicy.For(context.File.Name),
});

app.MapResumePage();
app.MapSiteConfig();
app.MapDefaultEndpoints();

app.Run();

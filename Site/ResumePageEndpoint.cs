using CloudResume.Contracts.Site;
using CloudResume.Resume;

namespace CloudResume.Site;

/// <summary>
/// GET / and /index.html: the page rendered from resume.json (<see cref="LiveResumePage"/>), with the Cache-Control
/// the deploy stores on index.html and an ETag, so a reload revalidates and shows a save at once.
/// </summary>
internal static class ResumePageEndpoint
{
    public static IEndpointRouteBuilder MapResumePage(this IEndpointRouteBuilder endpoints)
    {
        foreach (var path in new[] { "/", "/" + ResumePage.FileName })
        {
            endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Head], Serve);
        }
        return endpoints;
    }

    private static async Task Serve(HttpContext context, LiveResumePage page)
    {
        var current = page.Current;
        var response = context.Response;
        response.Headers.CacheControl = CacheControlPolicy.For(ResumePage.FileName);
        response.Headers.ETag = current.ETag;
        if (current.StatusCode == StatusCodes.Status200OK && context.Request.Headers.IfNoneMatch == current.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = current.StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = current.Html.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(current.Html, context.RequestAborted);
        }
    }
}

using CloudResume.Contracts.HttpApi;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// Writes a function's <see cref="HttpApiResponse"/> to the client: each cookie its own Set-Cookie, the
/// body decoded from base64 when flagged, framing headers left to the server, and CORS headers from the
/// function dropped when the API has a CorsConfiguration (the gateway owns CORS then).
/// </summary>
public static class HttpApiResponseWriter
{
    private static readonly HashSet<string> Framing = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection", "keep-alive",
    };

    public static Task WriteAsync(HttpResponse response, HttpApiResponse answer, bool stripCors)
    {
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
        {
            if (Framing.Contains(name) || (stripCors && CorsPolicy.IsCorsHeader(name))) continue;
            response.Headers.Append(name, value);
        }
        foreach (var cookie in answer.Cookies ?? [])
        {
            response.Headers.Append("Set-Cookie", cookie);
        }
        // 204 and 304 carry no body in HTTP, whatever the function put in it.
        if (answer.StatusCode is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified) return Task.CompletedTask;
        var body = IntegrationResponseReader.BodyBytes(answer);
        response.ContentLength = body.Length;
        return body.Length == 0 ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}

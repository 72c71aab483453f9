namespace CloudResume.Emulator.Hosting;

public static class JsonResponses
{
    /// <summary>
    /// Writes JSON that is already bytes, with its Content-Length: one write and no chunked encoding, as the AWS
    /// services the emulator stands in for answer.
    /// </summary>
    public static Task WriteJsonAsync(this HttpResponse response, int status, byte[] body, CancellationToken cancellationToken = default)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, cancellationToken).AsTask();
    }
}

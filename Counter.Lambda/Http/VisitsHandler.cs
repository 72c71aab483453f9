using CloudResume.Contracts.HttpApi;
using CloudResume.Contracts.Visits;
using CloudResume.Counter.Counting;
using CloudResume.Counter.Logging;

namespace CloudResume.Counter.Http;

/// <summary>
/// The HTTP contract of /visits (docs/contracts.md): validation, routing, counting, and turning
/// DynamoDB trouble into 503 + Retry-After. Unexpected exceptions propagate: the runtime reports them.
/// </summary>
public sealed class VisitsHandler(IVisitCounter counter, TimeProvider time, FunctionLog? log = null)
{
    public const int MaxBodyBytes = 1024;
    public const int MaxUserAgentLength = 512;

    /// <summary>System.Text.Json's own default depth limit, kept as the documented rule.</summary>
    public const int MaxBodyDepth = 64;

    public async Task<HandledRequest> HandleAsync(HttpApiRequest request, string? requestId, CancellationToken deadline)
    {
        var route = Router.Match(request.Method, request.Path);
        try
        {
            return route switch
            {
                Route.CountVisit => await CountAsync(request, deadline).ConfigureAwait(false),
                Route.ReadVisits => new(await ReadAsync(request, deadline).ConfigureAwait(false)),
                Route.MethodNotAllowed => new(Responses.Error(405, "Method Not Allowed", ("allow", Router.AllowedOnVisits))),
                _ => new(Responses.Error(404, "Not Found")),
            };
        }
        catch (AmbiguousWriteException exception)
        {
            // The write may have landed: no Retry-After, so a client that follows the answer never counts it twice.
            log?.Warn("DynamoDB lost the answer to a counting write", requestId, ("error", exception.InnerException?.GetType().Name));
            return new(Responses.MaybeCounted("Service Unavailable: the visit may have been counted; it need not be sent again."));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            log?.Warn("Deadline near: gave up on DynamoDB", requestId);
            return new(Responses.Unavailable("Service Unavailable: the request ran out of time, try again."));
        }
        catch (Exception exception) when (TransientFailure.IsTransient(exception))
        {
            log?.Warn("DynamoDB unavailable or throttled", requestId, ("error", exception.GetType().Name));
            return new(Responses.Unavailable("Service Unavailable: the visit store is busy or unreachable, try again."));
        }
    }

    private async Task<HandledRequest> CountAsync(HttpApiRequest request, CancellationToken deadline)
    {
        if (!TryReadDays(request, out var days))
        {
            return new(DaysError);
        }
        var userAgent = request.UserAgent;
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return new(Responses.Error(400, "A User-Agent header is required."));
        }
        if (userAgent.Length > MaxUserAgentLength)
        {
            return new(Responses.Error(400, $"The User-Agent header is longer than {MaxUserAgentLength} characters."));
        }
        if (userAgent.Any(char.IsControl))
        {
            return new(Responses.Error(400, "The User-Agent header holds control characters."));
        }
        if (ValidateBody(request) is { } invalid)
        {
            return new(invalid);
        }

        var now = time.GetUtcNow();
        var client = UserAgentPolicy.Classify(userAgent);
        if (client != ClientKind.Browser)
        {
            var skipped = client == ClientKind.Bot ? VisitOutcome.SkippedBot : VisitOutcome.SkippedNotABrowser;
            return new(Ok(await counter.ReadAsync(days, now, deadline).ConfigureAwait(false)), skipped);
        }
        // The page asks for the series on its counting load: the count's own write answers it (today includes this visit).
        var visit = await counter.CountAsync(request.SourceIp ?? "", userAgent, now, days, deadline).ConfigureAwait(false);
        return new(Ok(visit.Counts), visit.Outcome);
    }

    private async Task<HttpApiResponse> ReadAsync(HttpApiRequest request, CancellationToken deadline)
    {
        return TryReadDays(request, out var days)
            ? Ok(await counter.ReadAsync(days, time.GetUtcNow(), deadline).ConfigureAwait(false))
            : DaysError;
    }

    private static HttpApiResponse DaysError => Responses.Error(400, $"days must be a whole number from 1 to {VisitCounter.MaxDays}.");

    /// <summary>The optional <c>?days=N</c>; 0 when absent.</summary>
    private static bool TryReadDays(HttpApiRequest request, out int days)
    {
        days = 0;
        return request.Query("days") is not { } raw || TryParseDays(raw, out days);
    }

    /// <summary>Digits only: int.TryParse would also take trailing NULs ("5\0").</summary>
    public static bool TryParseDays(string raw, out int days)
    {
        days = 0;
        return raw.Length is > 0 and <= 2 && raw.All(char.IsAsciiDigit)
            && int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= VisitCounter.MaxDays;
    }

    /// <summary>The body is optional; if present it must be a JSON object of at most 1 KiB.</summary>
    private static HttpApiResponse? ValidateBody(HttpApiRequest request)
    {
        if (string.IsNullOrEmpty(request.Body))
        {
            return null;
        }
        byte[] bytes;
        if (request.IsBase64Encoded)
        {
            if (request.Body.Length > (MaxBodyBytes + 2) / 3 * 4 + 4)
            {
                return Responses.Error(413, $"The body is larger than {MaxBodyBytes} bytes.");
            }
            try
            {
                bytes = Convert.FromBase64String(request.Body);
            }
            catch (FormatException)
            {
                return Responses.Error(400, "The body is not valid base64.");
            }
        }
        else
        {
            if (request.Body.Length > MaxBodyBytes)
            {
                return Responses.Error(413, $"The body is larger than {MaxBodyBytes} bytes.");
            }
            bytes = Encoding.UTF8.GetBytes(request.Body);
        }
        if (bytes.Length > MaxBodyBytes)
        {
            return Responses.Error(413, $"The body is larger than {MaxBodyBytes} bytes.");
        }
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }
        // JSON is UTF-8 (RFC 8259); the reader checks the structure but not the bytes inside strings.
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Responses.Error(400, "The body must be a JSON object.");
        }
        try
        {
            // A 1 KiB body cannot nest deeper than this: the reader itself never stops on depth, the rule below does.
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxBodyBytes });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Responses.Error(400, "The body must be a JSON object.");
            }
            while (reader.Read())
            {
                // Trailing content after the object makes Read throw.
                if (reader.CurrentDepth >= MaxBodyDepth)
                {
                    return Responses.Error(400, $"The body must be a JSON object nested at most {MaxBodyDepth} levels deep.");
                }
            }
            return null;
        }
        catch (JsonException)
        {
            return Responses.Error(400, "The body must be a JSON object.");
        }
    }

    private static HttpApiResponse Ok(VisitCounts counts) => Responses.Counts(counts);
}

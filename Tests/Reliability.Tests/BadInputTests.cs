namespace CloudResume.Tests.Reliability;

/// <summary>
/// Bad inputs sent through the gateway, each answered as documented (docs/contracts.md, the emulator's
/// GatewayLimits/GatewayErrors), none of them counted, and the service still serving afterwards. Each test
/// reads the view count before and after its own request: nothing else runs meanwhile (the assembly runs
/// no tests in parallel), so the check holds in any order.
/// </summary>
[Collection(ServingCollection.Name)]
public sealed class BadInputTests(DeploymentFixture fixture)
{
    private const string Browser = VisitsApi.BrowserUserAgent;
    private const string Json = "application/json";
    private const string Binary = "application/octet-stream";
    private const string TooLargeForFunction = "larger than 1024 bytes";
    private const string NotAnObject = "must be a JSON object";
    private const string BadDays = "days must be a whole number from 1 to 90";
    private const string NoUserAgent = "User-Agent header is required";
    private const string LongUserAgent = "longer than 512 characters";
    private const string NotFound = "Not Found";
    private const string HeadersTooLarge = "larger than 10240 bytes";
    private const string Counts = "\"views\"";
    private const string BadRequest = "Bad Request";
    private const string ControlCharacters = "control characters";
    private const string TooDeep = "nested at most 64 levels deep";
    private const string EvilOrigin = "https://evil.example";

    private const int KiB = 1024;
    private const int MiB = 1024 * 1024;

    /// <param name="Answer">Expected status; <paramref name="Says"/>: a fragment of the JSON message (or of the body when 2xx); null = empty body.</param>
    /// <param name="NoCors">The answer must carry no Access-Control-* header.</param>
    public sealed record BadInput(string Name, RawHttpRequest Request, int Answer, string? Says, bool NoCors = false);

    private static readonly BadInput[] Table =
    [
        // body: the function takes an empty body or a JSON object of at most 1 KiB
        new("JSON object of 1,025 bytes", Post(Object(1025)), 413, TooLargeForFunction),
        new("binary body of 2 KiB (base64 in the event)", Post(Object(2 * KiB), Binary), 413, TooLargeForFunction),
        new("5 MB: within the gateway's and Lambda's limits, over the function's", Post(Filler(5 * MiB), "text/plain"), 413, TooLargeForFunction),
        new("7 MB: over Lambda's 6 MB invoke payload (AWS answers 500)", Post(Filler(7 * MiB), "text/plain"), 500, "Internal Server Error"),
        new("11 MB: over the HTTP API's 10 MB payload", Post(Filler(11 * MiB), "text/plain"), 413, "Request Entity Too Large"),
        new("11 MB chunked, no Content-Length", Post(Filler(11 * MiB), "text/plain", chunked: true), 413, "Request Entity Too Large"),
        new("malformed JSON", Post("{\"page\":"u8.ToArray()), 400, NotAnObject),
        new("JSON array", Post("[1,2]"u8.ToArray()), 400, NotAnObject),
        new("JSON string", Post("\"visit\""u8.ToArray()), 400, NotAnObject),
        new("JSON number", Post("42"u8.ToArray()), 400, NotAnObject),
        new("JSON null", Post("null"u8.ToArray()), 400, NotAnObject),
        new("two JSON objects", Post("{}{}"u8.ToArray()), 400, NotAnObject),
        new("JSON nested 400 deep", Post(Encoding.ASCII.GetBytes("{\"a\":" + new string('[', 400) + new string(']', 400) + "}")), 400, NotAnObject),
        new("valid JSON object nested 70 deep (144 bytes; the documented limit is 64)", Post(Encoding.ASCII.GetBytes("{\"a\":" + new string('[', 69) + new string(']', 69) + "}")), 400, TooDeep),
        new("chunk size that overflows 64 bits", Post(Encoding.ASCII.GetBytes("FFFFFFFFFFFFFFFFFF\r\nx\r\n0\r\n\r\n"), "text/plain", headers: [("Transfer-Encoding", "chunked")], framed: true), 400, BadRequest),
        new("chunk size that is not hexadecimal", Post(Encoding.ASCII.GetBytes("zz\r\nx\r\n0\r\n\r\n"), "text/plain", headers: [("Transfer-Encoding", "chunked")], framed: true), 400, BadRequest),
        new("JSON with a raw control character", Post("{\"a\":\"\u0001\"}"u8.ToArray()), 400, NotAnObject),
        new("invalid UTF-8, binary content type", Post([0xFF, 0xFE, 0xFD], Binary), 400, NotAnObject),
        new("invalid UTF-8, text/plain", Post([0xC3, 0x28], "text/plain"), 400, NotAnObject),
        new("Content-Type repeated (joined, so binary): a JSON array", Post("[1]"u8.ToArray(), Json, headers: [("Content-Type", "text/plain")]), 400, NotAnObject),

        // headers: 10 KB for request line + headers; a User-Agent is required on POST, at most 512 characters
        new("header of 11 KB", Get("/visits", ("X-Padding", new string('a', 11 * KiB))), 431, HeadersTooLarge),
        new("query string of 11 KB", Get("/visits?q=" + new string('a', 11 * KiB)), 431, HeadersTooLarge),
        new("User-Agent repeated, 601 characters joined", Post([], userAgent: new string('a', 300), headers: [("User-Agent", new string('b', 300))]), 400, LongUserAgent),
        new("no User-Agent on POST", Post([], userAgent: null), 400, NoUserAgent),
        new("blank User-Agent on POST", Post([], userAgent: "   "), 400, NoUserAgent),
        new("User-Agent of 513 characters", Post([], userAgent: new string('a', 513)), 400, LongUserAgent),
        new("User-Agent with a control character (byte 0x01)", Post([], userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0\u0001"), 400, ControlCharacters),
        new("header name that is not an RFC 9110 token, X(Bad)@", Post([], headers: [("X(Bad)@", "1")]), 400, BadRequest),
        new("User-Agent of 8,000 characters", Post([], userAgent: new string('a', 8000)), 400, LongUserAgent),

        // methods: only GET /visits and POST /visits are routes; the gateway answers the rest
        new("PUT", Send("PUT", "/visits"), 404, NotFound),
        new("DELETE", Send("DELETE", "/visits"), 404, NotFound),
        new("PATCH", Send("PATCH", "/visits"), 404, NotFound),
        new("HEAD (no body)", Send("HEAD", "/visits"), 404, null),
        new("OPTIONS that is not a preflight", Send("OPTIONS", "/visits"), 404, NotFound),
        new("unknown method BREW", Send("BREW", "/visits"), 404, NotFound),

        // paths: matched raw, as API Gateway does; nothing is normalised into /visits
        new("/visits/../visits", Get("/visits/../visits"), 404, NotFound),
        new("/visits/", Get("/visits/"), 404, NotFound),
        new("/VISITS", Get("/VISITS"), 404, NotFound),
        new("/%2e%2e/visits", Get("/%2e%2e/visits"), 404, NotFound),
        new("/visits/%2e%2e", Get("/visits/%2e%2e"), 404, NotFound),
        new("//visits", Get("//visits"), 404, NotFound),
        new("/", Get("/"), 404, NotFound),

        // ?days= is a whole number from 1 to 90
        new("days=0", Get("/visits?days=0"), 400, BadDays),
        new("days=91", Get("/visits?days=91"), 400, BadDays),
        new("days=-1", Get("/visits?days=-1"), 400, BadDays),
        new("days=abc", Get("/visits?days=abc"), 400, BadDays),
        new("days=1.5", Get("/visits?days=1.5"), 400, BadDays),
        new("days= (empty)", Get("/visits?days="), 400, BadDays),
        new("days=+5", Get("/visits?days=%2B5"), 400, BadDays),
        new("days=1e1", Get("/visits?days=1e1"), 400, BadDays),
        new("days=99999999999999999999 (overflow)", Get("/visits?days=99999999999999999999"), 400, BadDays),
        new("days=5%00 (a trailing NUL)", Get("/visits?days=5%00"), 400, BadDays),
        new("days=%205 (a leading space)", Get("/visits?days=%205"), 400, BadDays),
        new("days=٥ (an Arabic-Indic digit)", Get("/visits?days=%D9%A5"), 400, BadDays),
        new("days twice (joined 1,2)", Get("/visits?days=1&days=2"), 400, BadDays),
        new("query string of 9 KB (ignored)", Get("/visits?q=" + new string('a', 9 * KiB)), 200, Counts),

        // CORS: a disallowed origin is answered, but the browser is given no permission to read it
        new("GET from a disallowed Origin", Get("/visits", ("Origin", EvilOrigin)), 200, Counts, NoCors: true),
        new("GET from Origin null", Get("/visits", ("Origin", "null")), 200, Counts, NoCors: true),
        new("preflight from a disallowed Origin", Send("OPTIONS", "/visits", ("Origin", EvilOrigin), ("Access-Control-Request-Method", "POST")), 204, null, NoCors: true),
        new("preflight for DELETE from the site", Send("OPTIONS", "/visits", ("Origin", ReliabilityDeployment.SiteOrigin), ("Access-Control-Request-Method", "DELETE")), 204, null, NoCors: true),

        // bots, tools, libraries, monitors and scanners are answered with the counts but not counted (docs/contracts.md)
        new("POST from a known bot", Post([], userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), 200, Counts),
        new("POST from curl", Post([], userAgent: "curl/8.14.1"), 200, Counts),
        new("POST from python-requests", Post([], userAgent: "python-requests/2.32.3"), 200, Counts),
        new("POST from Go's HTTP client", Post([], userAgent: "Go-http-client/1.1"), 200, Counts),
        new("POST from an uptime monitor", Post([], userAgent: "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"), 200, Counts),
        new("POST from a scanner posing as a browser", Post([], userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 zgrab/0.x"), 200, Counts),
        new("POST from nmap", Post([], userAgent: "Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)"), 200, Counts),
        new("POST from a user agent that is no browser at all", Post([], userAgent: "x"), 200, Counts),
    ];

    public static TheoryData<string> Names => [.. Table.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Is_answered_as_documented_and_not_counted(string name)
    {
        var input = Table.Single(t => t.Name == name);
        var before = await fixture.Api.GetViewsAsync();

        var answer = await input.Request.SendAsync(fixture.Deployment.Emulator.GatewayPort, TimeSpan.FromSeconds(60));

        Assert.True(input.Answer == answer.Status, $"{name}: expected {input.Answer}, got {answer.Status} {answer.Body}");
        if (input.Says is null)
        {
            Assert.Equal("", answer.Body);
        }
        else if (answer.Status >= 400)
        {
            using var json = JsonDocument.Parse(answer.Body);
            Assert.Contains(input.Says, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(input.Says, answer.Body, StringComparison.Ordinal);
        }
        if (input.NoCors)
        {
            Assert.False(answer.HasHeaderStartingWith("Access-Control-"), $"{name}: CORS headers given to a disallowed request");
        }
        // Still serving, and the bad input counted nothing.
        Assert.Equal(before, await fixture.Api.GetViewsAsync());
    }

    [Fact]
    public async Task Control_a_normal_visit_is_counted_exactly_once()
    {
        // Shows the before/after check above can see a count at all.
        var before = await fixture.Api.GetViewsAsync();
        var visit = await fixture.Api.PostVisitAsync();
        Assert.True(visit.IsOk, $"a normal visit: {visit}\n{fixture.Deployment.Emulator.Process.Tail()}");
        Assert.Equal(before + 1, visit.Views);
        Assert.Equal(before + 1, await fixture.Api.GetViewsAsync());
    }

    [Fact]
    public async Task Clients_that_stall_or_leave_mid_body_cost_one_warning_line_each_and_never_a_stack_trace()
    {
        const int Clients = 50;
        var emulator = fixture.Deployment.Emulator.Process;
        var before = await fixture.Api.GetViewsAsync();
        var linesBefore = emulator.StdoutLines.Count + emulator.StderrLines.Count;

        // Half hang up mid-body; half stall until the server's minimum body data rate gives up on them.
        var port = fixture.Deployment.Emulator.GatewayPort;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => SlowBody.SendAsync(port, Browser, leave: i % 2 == 0)));
        await Task.Delay(TimeSpan.FromSeconds(1)); // the last warnings reach the output

        var lines = emulator.StdoutLines.Concat(emulator.StderrLines).Skip(linesBefore).ToList();
        var stackFrames = lines.Where(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal)).ToList();
        Assert.True(stackFrames.Count == 0, $"{stackFrames.Count} stack-trace lines, e.g.:\n{string.Join('\n', lines.Take(20))}");
        Assert.True(lines.Count <= Clients, $"{lines.Count} log lines for {Clients} clients:\n{string.Join('\n', lines.Take(20))}");
        Assert.All(lines, line => Assert.StartsWith("warn:", line));
        Assert.Equal(before, await fixture.Api.GetViewsAsync());
        Assert.True((await fixture.Api.PostVisitAsync()).IsOk, emulator.Tail());
    }

    private static RawHttpRequest Get(string target, params (string, string)[] headers) =>
        new("GET", target, [("User-Agent", Browser), .. headers], []);

    private static RawHttpRequest Send(string method, string target, params (string, string)[] headers) =>
        new(method, target, [("User-Agent", Browser), .. headers], []);

    private static RawHttpRequest Post(byte[] body, string contentType = Json, string? userAgent = Browser, (string, string)[]? headers = null, bool chunked = false, bool framed = false)
    {
        List<(string, string)> all = [];
        if (userAgent is not null)
        {
            all.Add(("User-Agent", userAgent));
        }
        if (body.Length > 0 || chunked || framed)
        {
            all.Add(("Content-Type", contentType));
        }
        all.AddRange(headers ?? []);
        return new RawHttpRequest("POST", "/visits", all, body, chunked, framed);
    }

    /// <summary>A valid JSON object of exactly <paramref name="bytes"/> bytes: too large is the only fault.</summary>
    private static byte[] Object(int bytes) => Encoding.ASCII.GetBytes("{\"a\":\"" + new string('x', bytes - 8) + "\"}");

    private static byte[] Filler(int bytes) => Enumerable.Repeat((byte)'x', bytes).ToArray();
}

using Amazon.DynamoDBv2.Model;

namespace CloudResume.Tests.Reliability;

/// <summary>
/// docs/privacy.md: no raw User-Agent, IP address, cookie or credential in any log line, trace, metric, log record or
/// table item. A visitor with values found nowhere else visits (and sends bad input); then everything the system wrote
/// is searched for them.
/// </summary>
public sealed class PrivacyTests
{
    [Fact]
    public async Task After_visits_and_bad_input_no_log_line_telemetry_export_or_table_item_holds_the_visitors_user_agent_address_or_cookie()
    {
        var probe = Guid.NewGuid().ToString("N")[..12];
        var userAgent = $"Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 Probe{probe}";
        var address = new IPAddress([127, 0, 0, 77]);
        string[] secrets = [$"Probe{probe}", address.ToString(), $"Cookie{probe}", $"Bearer{probe}"];

        using var telemetry = new OtlpReceiver();
        await using var deployment = await LocalDeployment.StartAsync(new LocalDeploymentOptions
        {
            OtlpEndpoint = telemetry.Endpoint,
            // Every request logged, and every function line on the emulator's console: the most there is to leak.
            EmulatorLogLevel = "Information",
            Parameters = new Dictionary<string, string> { ["ThrottlingRateLimit"] = "1000", ["ThrottlingBurstLimit"] = "1000" },
        });
        var port = deployment.Emulator.GatewayPort;
        using (var visitor = new VisitsApi(port, userAgent, address, ("Cookie", $"session=Cookie{probe}"), ("Authorization", $"Bearer Bearer{probe}")))
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.True((await visitor.PostVisitAsync()).IsOk);
            }
            Assert.True((await visitor.GetVisitsAsync()).IsOk);
        }
        // Refused input that carries the same values: error paths must not echo them either.
        string[] refusedAgents = [userAgent + "\u0001", userAgent + new string('x', 600)];
        foreach (var refused in refusedAgents)
        {
            using var badVisitor = new VisitsApi(port, refused, address, ("Cookie", $"session=Cookie{probe}"));
            Assert.Equal(HttpStatusCode.BadRequest, (await badVisitor.PostVisitAsync()).Status);
        }
        var bot = $"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) Probe{probe}";
        using (var crawler = new VisitsApi(port, bot, address))
        {
            Assert.True((await crawler.PostVisitAsync()).IsOk);
        }

        // What the scan reads is there: both services' spans, the function's log records, the markers.
        var gateway = await telemetry.WaitForSpanAsync(span => span.Name == "POST /visits", TimeSpan.FromSeconds(30));
        await telemetry.WaitForSpanAsync(span => span.ServiceName != gateway.ServiceName, TimeSpan.FromSeconds(30));
        await Eventually.WaitForAsync(() => telemetry.Logs.Count > 0, "the function's log records");
        var items = await ItemsAsync(deployment);
        Assert.Contains(items, item => item.Contains("visitor#", StringComparison.Ordinal));
        var output = deployment.Emulator.Process.Output;
        Assert.Contains("POST", output, StringComparison.Ordinal); // every request was logged

        var exports = telemetry.All.Select(body => Encoding.UTF8.GetString(body)).ToList();
        foreach (var secret in secrets)
        {
            Assert.True(!output.Contains(secret, StringComparison.Ordinal), $"'{secret}' in the emulator's or the function's output:\n{Around(output, secret)}");
            var export = exports.FirstOrDefault(e => e.Contains(secret, StringComparison.Ordinal));
            Assert.True(export is null, $"'{secret}' in a telemetry export:\n{Around(export ?? "", secret)}");
            var item = items.FirstOrDefault(i => i.Contains(secret, StringComparison.Ordinal));
            Assert.True(item is null, $"'{secret}' in a table item: {item}");
        }
    }

    /// <summary>Every item of the table, each attribute value as text (binary values both as UTF-8 and in base64).</summary>
    private static async Task<List<string>> ItemsAsync(LocalDeployment deployment)
    {
        using var dynamo = deployment.Dynalite.CreateClient();
        var items = new List<string>();
        var request = new ScanRequest { TableName = LocalTemplate.DefaultTableName };
        do
        {
            var page = await dynamo.ScanAsync(request);
            items.AddRange(page.Items.Select(item => string.Join("; ", item.Select(a => $"{a.Key}={Text(a.Value)}"))));
            request.ExclusiveStartKey = page.LastEvaluatedKey;
        }
        while (request.ExclusiveStartKey is { Count: > 0 });
        return items;

        static string Text(AttributeValue value) => value switch
        {
            { S: { } text } => text,
            { N: { } number } => number,
            { B: { } binary } => Encoding.UTF8.GetString(binary.ToArray()) + " " + Convert.ToBase64String(binary.ToArray()),
            { SS.Count: > 0 } => string.Join(",", value.SS),
            _ => value.ToString() ?? "",
        };
    }

    private static string Around(string text, string secret)
    {
        var at = Math.Max(0, text.IndexOf(secret, StringComparison.Ordinal));
        return text[Math.Max(0, at - 300)..Math.Min(text.Length, at + secret.Length + 100)];
    }
}

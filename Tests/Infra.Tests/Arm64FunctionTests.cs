using Xunit.Abstractions;

namespace CloudResume.Tests.Infra;

/// <summary>
/// arm64 from this x64 machine: the cross-published bootstrap is an aarch64 ELF needing glibc 2.34 at most, the
/// deploy accepts it for Architecture arm64 only, and under qemu-user it serves visits through the emulator's
/// Runtime API, counting in dynalite. The toolchain comes from scripts/install-arm64-toolchain.sh.
/// </summary>
[Collection(Arm64Collection.Name)]
public sealed class Arm64FunctionTests(ITestOutputHelper output)
{
    private const string RuntimeIdentifier = "linux-arm64";

    [Fact]
    public async Task The_cross_published_bootstrap_is_aarch64_needing_glibc_2_34_at_most_and_refused_as_x86_64()
    {
        var package = await PublishedFunction.PackageAsync(RuntimeIdentifier);

        Assert.StartsWith("bootstrap: arm64, mode 755, needs glibc 2.", FunctionPackageCheck.Verify(package, "arm64"));
        Assert.Contains("built for arm64", Assert.Throws<DeployException>(() => FunctionPackageCheck.Verify(package, "x86_64")).Message);
    }

    [Fact]
    public async Task Under_qemu_the_arm64_bootstrap_counts_visits_in_dynalite_through_the_emulators_runtime_api_with_a_60_s_timeout()
    {
        await PublishedFunction.EnsureAsync(RuntimeIdentifier);
        await using var dynalite = await DynaliteServer.StartAsync();
        var table = await dynalite.CreateTableAsync(LocalTemplate.DefaultTableName);
        var settings = EmulatorServer.DefaultSettings();
        // qemu-user interprets every AArch64 instruction on this x64 CPU: the first visit (the SDK's first
        // request) takes seconds, past Lambda's 5 s. The test template differs from the real one in that only.
        settings.Template = SlowCpuTemplate(settings.Template);
        settings.Stack.PhysicalIds[table.LogicalId] = table.TableName;
        await using var emulator = await EmulatorServer.StartAsync(settings);
        var function = LocalTemplate.Load(settings.Template, table.TableName, parameters: settings.Stack.Parameters).Function;
        var environment = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApiAddress,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.FunctionName,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["TABLE_NAME"] = table.TableName,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        };
        foreach (var (name, value) in dynalite.ClientEnvironment())
        {
            environment[name] = value;
        }
        await using var bootstrap = LocalProcess.Start(
            // Its glibc and OpenSSL are Debian's arm64 multiarch packages (libc6:arm64, libssl3:arm64) at their usual paths.
            new ProcessStart("qemu-aarch64", [PublishedFunction.Bootstrap(RuntimeIdentifier)]).WithEnvironment(environment));
        var init = await output.TimedAsync("start to init line under qemu",
            () => bootstrap.WaitForLineAsync(line => line.Contains("\"Initialized\"", StringComparison.Ordinal), TimeSpan.FromSeconds(60)));
        using var invoke = new LambdaInvokeClient(emulator.Runtime, function.FunctionName);
        try
        {
            var first = await output.TimedAsync("first POST /visits under qemu (cold)", () => invoke.InvokeAsync(Visit("POST")));
            var second = await output.TimedAsync("second POST /visits under qemu", () => invoke.InvokeAsync(Visit("POST")));
            var read = await output.TimedAsync("GET /visits under qemu", () => invoke.InvokeAsync(Visit("GET")));

            Assert.Contains("\"nativeAot\":true", init);
            Assert.Equal((1, 1), Counts(first));
            Assert.Equal((2, 1), Counts(second)); // the same visitor again: one more view, no new visitor
            Assert.Equal((2, 1), Counts(read));
        }
        finally
        {
            output.WriteLine(bootstrap.Output);
        }
    }

    private static string SlowCpuTemplate(string template)
    {
        var text = File.ReadAllText(template);
        Assert.Contains("      Timeout: 5\n", text);
        var copy = Path.Combine(Path.GetTempPath(), $"template-qemu-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(copy, text.Replace("      Timeout: 5\n", "      Timeout: 60\n"));
        return copy;
    }

    /// <summary>AWS's own captured HTTP API event, aimed at the counter's route.</summary>
    private static string Visit(string method)
    {
        var request = JsonNode.Parse(File.ReadAllText(AwsSample.HttpApiEventPath))!;
        request["rawPath"] = "/visits";
        request["rawQueryString"] = "";
        request["requestContext"]!["http"]!["method"] = method;
        request["requestContext"]!["http"]!["path"] = "/visits";
        request["headers"]!["user-agent"] = "Mozilla/5.0 (X11; Linux aarch64; rv:133.0) Gecko/20100101 Firefox/133.0";
        request["requestContext"]!["http"]!["userAgent"] = "Mozilla/5.0 (X11; Linux aarch64; rv:133.0) Gecko/20100101 Firefox/133.0";
        return request.ToJsonString();
    }

    private static (int Views, int Visitors) Counts(LambdaInvokeResult result)
    {
        Assert.False(result.IsFunctionError, result.Payload);
        var response = JsonNode.Parse(result.Payload)!;
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        var body = JsonNode.Parse(response["body"]!.ToString())!;
        return (body["views"]!.GetValue<int>(), body["visitors"]!.GetValue<int>());
    }
}

/// <summary>The arm64 tests one after another: the cross publish and qemu each take every core they get.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Arm64Collection
{
    public const string Name = "arm64";
}

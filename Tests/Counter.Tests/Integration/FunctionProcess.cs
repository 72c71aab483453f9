using CloudResume.Tests.Support;

namespace CloudResume.Tests.Counter.Integration;

/// <summary>Starts the real function (`bootstrap`) against a Runtime API and a DynamoDB endpoint.</summary>
public static class FunctionProcess
{
    /// <summary>The JIT build of Counter.Lambda in the same configuration as these tests.</summary>
    public static string JitBootstrap
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
            var path = RepositoryPaths.Combine("Counter.Lambda", "bin", configuration, "net10.0", "bootstrap");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build Counter.Lambda first.", path);
        }
    }

    public static ChildProcess Start(RuntimeApiDouble runtime, IReadOnlyDictionary<string, string?> environment, string? executable = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "counter",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["TZ"] = "UTC",
            // The test host's own settings must not leak into the function.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
            ["DOTNET_GCHeapHardLimit"] = null,
            ["TABLE_NAME"] = null,
        };
        foreach (var (key, value) in environment)
        {
            env[key] = value;
        }
        return ChildProcess.Start(executable ?? JitBootstrap, [], env);
    }

    public static Dictionary<string, string?> For(DynaliteServer dynamo, string tableName, params (string Key, string? Value)[] extra)
    {
        var env = new Dictionary<string, string?>(dynamo.ClientEnvironment()) { ["TABLE_NAME"] = tableName };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        return env;
    }
}

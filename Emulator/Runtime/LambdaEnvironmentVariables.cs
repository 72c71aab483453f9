namespace CloudResume.Emulator.Runtime;

/// <summary>
/// The environment Lambda gives a runtime process (provided.al2023), built for one execution environment.
/// The process starts from a clean slate, as in Lambda: only what a local toolchain needs to run at all
/// (PATH, HOME, DOTNET_ROOT, ...) is carried over from the emulator's own environment.
/// </summary>
public static class LambdaEnvironmentVariables
{
    private static readonly string[] CarriedOver = ["PATH", "HOME", "USER", "TMPDIR", "LANG", "LC_ALL", "SSL_CERT_FILE", "SSL_CERT_DIR", "PYENV_ROOT", "PYENV_VERSION"];

    // The emulator's own OTLP settings (set by Aspire) are passed on so the function's telemetry reaches
    // the same dashboard; its service name and resource attributes are the emulator's and are not.
    private static readonly string[] NotCarriedOtel = ["OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES"];

    public static Dictionary<string, string> For(EmulatedFunction function, string runtimeApi, string taskRoot)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CarriedOver)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value) env[name] = value;
        }
        foreach (var entry in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>())
        {
            var name = (string)entry.Key;
            if ((name.StartsWith("DOTNET_ROOT", StringComparison.Ordinal) ||
                 (name.StartsWith("OTEL_", StringComparison.Ordinal) && !NotCarriedOtel.Contains(name))) && entry.Value is string value)
            {
                env[name] = value;
            }
        }

        var definition = function.Definition;
        env["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        env["_HANDLER"] = definition.Handler;
        env["AWS_REGION"] = function.Region;
        env["AWS_DEFAULT_REGION"] = function.Region;
        env["AWS_LAMBDA_FUNCTION_NAME"] = definition.FunctionName;
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = definition.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = $"/aws/lambda/{definition.FunctionName}";
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{DateTime.UtcNow:yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}";
        env["LAMBDA_TASK_ROOT"] = taskRoot;
        env["LAMBDA_RUNTIME_DIR"] = taskRoot;
        env["TZ"] = "UTC";
        // Dummy credentials unless given: SDKs refuse to sign without any, and local endpoints ignore them.
        env["AWS_ACCESS_KEY_ID"] = "local";
        env["AWS_SECRET_ACCESS_KEY"] = "local";
        env["AWS_SESSION_TOKEN"] = "local";
        env["OTEL_SERVICE_NAME"] = function.Settings.ServiceName;

        foreach (var (name, value) in definition.Environment) env[name] = value;
        foreach (var (name, value) in function.Settings.Environment) env[name] = value;
        return env;
    }
}

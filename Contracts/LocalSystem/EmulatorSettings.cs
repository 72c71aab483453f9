namespace CloudResume.Contracts.LocalSystem;

/// <summary>
/// What the emulator (Emulator/) runs: the HTTP API and the function of a template, on which ports, as which
/// stack. The AppHost, the tests and the benchmarks write one of these (as configuration keys);
/// the emulator binds it back from its configuration and lets its command line override it.
/// </summary>
public sealed class EmulatorSettings
{
    /// <summary>The configuration section the emulator binds (environment variables <c>Emulator__GatewayPort</c>, ...).</summary>
    public const string SectionName = "Emulator";

    /// <summary>
    /// The environment variable that sets the property at <paramref name="path"/> (property names, outermost
    /// first, from <c>nameof</c>), for values only known when the emulator starts (ports, endpoints).
    /// </summary>
    public static string EnvironmentVariable(params string[] path) => string.Join("__", [SectionName, .. path]);

    /// <summary>The CloudFormation template; a relative path is resolved from the working directory. Default <c>infra/template.yaml</c>.</summary>
    public string Template { get; set; } = "infra/template.yaml";

    /// <summary>The HTTP API (payload 2.0). Default 8000; 0 picks a free port.</summary>
    public int GatewayPort { get; set; } = 8000;

    /// <summary>The Lambda Runtime API for external runtimes, the Invoke API and /health. Default 9001; 0 picks a free port.</summary>
    public int RuntimePort { get; set; } = 9001;

    /// <summary>Where both ports listen. Default 127.0.0.1 (loopback only).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public EmulatedStackSettings Stack { get; set; } = new();

    public EmulatedFunctionSettings Function { get; set; } = new();
}

/// <summary>What CloudFormation would know at deploy time: pseudo parameters, parameter values, physical names.</summary>
public sealed class EmulatedStackSettings
{
    /// <summary><c>AWS::StackName</c>. Default <c>cloudresume</c>.</summary>
    public string StackName { get; set; } = "cloudresume";

    /// <summary><c>AWS::Region</c>. Default <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary><c>AWS::AccountId</c>. Default AWS's documentation account <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>Template parameter overrides; the rest keep their defaults. Default none.</summary>
    public Dictionary<string, string> Parameters { get; set; } = [];

    /// <summary>Physical names of resources for <c>!Ref</c> (e.g. the table). Default: each resource's own name or logical id.</summary>
    public Dictionary<string, string> PhysicalIds { get; set; } = [];
}

/// <summary>How the function's execution environments are started (when the emulator manages them).</summary>
public sealed class EmulatedFunctionSettings
{
    /// <summary>The runtime executable (e.g. the <c>bootstrap</c>). Default none: external runtimes poll the runtime port.</summary>
    public string? Command { get; set; }

    /// <summary>Its arguments. Default none.</summary>
    public List<string> Arguments { get; set; } = [];

    /// <summary>Its working directory, also LAMBDA_TASK_ROOT. Default: the command's folder.</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary>Extra environment variables, over the template's. Default none.</summary>
    public Dictionary<string, string> Environment { get; set; } = [];

    /// <summary>OTEL_SERVICE_NAME of the function's telemetry. Default <c>counter</c>.</summary>
    public string ServiceName { get; set; } = "counter";

    /// <summary>
    /// Whether the function's output also goes to the emulator's own console (as CloudWatch would show it).
    /// Default true; the AppHost turns it off and shows the lines on the function's resource instead
    /// (from <see cref="EmulatorPaths.FunctionLogs"/>).
    /// </summary>
    public bool LogsToConsole { get; set; } = true;

    /// <summary>
    /// How long an execution environment may stay idle before it is shut down (the next invocation cold-starts).
    /// Lambda does not document its own; it is minutes. Default 5 minutes.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Concurrency when the template reserves none (Lambda's account pool is 1,000). Default 10.</summary>
    public int MaxConcurrency { get; set; } = 10;
}

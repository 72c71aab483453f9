namespace CloudResume.Emulator.Hosting;

/// <summary>
/// Maps the CLI spellings (<c>--template</c>, <c>--gateway-port</c>, repeatable <c>--parameter K=V</c>)
/// onto configuration keys, so command line, environment variables and appsettings share one set of keys.
/// </summary>
public static class CommandLine
{
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--template"] = "Template",
        ["--gateway-port"] = "GatewayPort",
        ["--runtime-port"] = "RuntimePort",
        ["--bind-address"] = "BindAddress",
        ["--function-command"] = "Function:Command",
        ["--function-arguments"] = "Function:Arguments",
    };

    /// <summary>Rewrites each <c>--parameter K=V</c> / <c>--physical-id K=V</c> / <c>--env K=V</c> to its keyed form.</summary>
    public static string[] Normalize(string[] args)
    {
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var (name, inline) = args[i].Split('=', 2) is [var n, var v] && n.StartsWith("--", StringComparison.Ordinal) && Prefix(n) is not null
                ? (n, v) : (args[i], null);
            if (Prefix(name) is not { } prefix)
            {
                result.Add(args[i]);
                continue;
            }
            var pair = inline ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs KEY=VALUE."));
            if (pair.Split('=', 2) is not [var key, var value] || key.Length == 0)
            {
                throw new ArgumentException($"{name} '{pair}' is not KEY=VALUE.");
            }
            result.Add($"--{prefix}:{key}={value}");
        }
        return [.. result];
    }

    private static string? Prefix(string name) => name switch
    {
        "--parameter" => "Parameters",
        "--physical-id" => "PhysicalIds",
        "--env" => "Function:Environment",
        _ => null,
    };
}

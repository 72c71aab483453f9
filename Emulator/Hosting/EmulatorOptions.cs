using System.Net;
using Microsoft.Extensions.Configuration;

namespace CloudResume.Emulator.Hosting;

/// <summary>
/// The emulator's settings, read from ASP.NET Core configuration (command line, environment variables,
/// appsettings). Keys are documented on each property; <see cref="CommandLine"/> maps the CLI spellings.
/// </summary>
public sealed record EmulatorOptions
{
    /// <summary><c>Template</c>: path of the CloudFormation template (default <c>infra/template.yaml</c>).</summary>
    public required string TemplatePath { get; init; }

    /// <summary><c>GatewayPort</c>: the HTTP API (payload 2.0) port.</summary>
    public required int GatewayPort { get; init; }

    /// <summary><c>RuntimePort</c>: Lambda Runtime API for external runtimes, the Invoke API and /health.</summary>
    public required int RuntimePort { get; init; }

    /// <summary><c>BindAddress</c>: where both ports listen (default 127.0.0.1).</summary>
    public required IPAddress BindAddress { get; init; }

    /// <summary><c>Parameters:KEY</c> (or <c>--parameter KEY=VALUE</c>): template parameter overrides.</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary><c>PhysicalIds:LOGICALID</c>: names of resources (e.g. the table) for <c>!Ref</c>.</summary>
    public required IReadOnlyDictionary<string, string> PhysicalIds { get; init; }

    /// <summary><c>StackName</c>, <c>Region</c>, <c>AccountId</c>: the pseudo parameters.</summary>
    public required string StackName { get; init; }
    public required string Region { get; init; }
    public required string AccountId { get; init; }

    /// <summary><c>Function:Command</c>: how to start one execution environment; empty = external runtimes only.</summary>
    public string? FunctionCommand { get; init; }

    /// <summary><c>Function:Arguments</c> (space separated) or <c>Function:Arguments:0..n</c>.</summary>
    public required IReadOnlyList<string> FunctionArguments { get; init; }

    /// <summary><c>Function:WorkingDirectory</c>: also LAMBDA_TASK_ROOT (default: the command's folder).</summary>
    public string? FunctionWorkingDirectory { get; init; }

    /// <summary><c>Function:Environment:KEY</c>: extra environment for the function (wins over the template's).</summary>
    public required IReadOnlyDictionary<string, string> FunctionEnvironment { get; init; }

    /// <summary><c>Function:ServiceName</c>: OTEL_SERVICE_NAME of the function (default "counter").</summary>
    public required string FunctionServiceName { get; init; }

    /// <summary><c>Function:MaxConcurrency</c>: cap when the template reserves none (Lambda's account pool is 1000; 10 is plenty locally).</summary>
    public required int DefaultConcurrency { get; init; }

    public static EmulatorOptions From(IConfiguration config)
    {
        var function = config.GetSection("Function");
        var arguments = function.GetSection("Arguments");
        IReadOnlyList<string> argumentList = arguments.Value is { } line
            ? line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : [.. arguments.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue).Select(c => c.Value ?? "")];

        return new EmulatorOptions
        {
            TemplatePath = config["Template"] ?? "infra/template.yaml",
            GatewayPort = Port(config, "GatewayPort", 8000),
            RuntimePort = Port(config, "RuntimePort", UrlPort(config) ?? 9001),
            BindAddress = IPAddress.TryParse(config["BindAddress"] ?? "127.0.0.1", out var ip)
                ? ip : throw new ArgumentException($"BindAddress '{config["BindAddress"]}' is not an IP address."),
            Parameters = Section(config.GetSection("Parameters")),
            PhysicalIds = Section(config.GetSection("PhysicalIds")),
            StackName = config["StackName"] ?? "cloudresume",
            Region = config["Region"] ?? "us-east-1",
            AccountId = config["AccountId"] ?? "123456789012",
            FunctionCommand = string.IsNullOrWhiteSpace(function["Command"]) ? null : function["Command"],
            FunctionArguments = argumentList,
            FunctionWorkingDirectory = function["WorkingDirectory"],
            FunctionEnvironment = Section(function.GetSection("Environment")),
            FunctionServiceName = function["ServiceName"] ?? "counter",
            DefaultConcurrency = Port(config, "Function:MaxConcurrency", 10),
        };
    }

    private static Dictionary<string, string> Section(IConfigurationSection section) =>
        section.GetChildren().ToDictionary(c => c.Key, c => c.Value ?? "", StringComparer.Ordinal);

    private static int Port(IConfiguration config, string key, int fallback) => config[key] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, out var value) && value >= 0 => value,
        var text => throw new ArgumentException($"{key} '{text}' is not a non-negative integer."),
    };

    // Aspire hands a project its endpoint through ASPNETCORE_URLS / HTTP_PORTS: that one becomes the
    // runtime port (where /health is) unless RuntimePort says otherwise.
    private static int? UrlPort(IConfiguration config)
    {
        var url = (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (url is not null && Uri.TryCreate(url.Replace("://*", "://localhost").Replace("://+", "://localhost"), UriKind.Absolute, out var uri))
        {
            return uri.Port;
        }
        var ports = (config["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return int.TryParse(ports, out var port) ? port : null;
    }
}

using System.CommandLine;
using CloudResume.CloudFormation;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Emulator.Hosting;

/// <summary>
/// The emulator's command line (System.CommandLine). Each option overrides one <see cref="EmulatorSettings"/>
/// property, over what configuration (appsettings, <c>Emulator__*</c> environment variables) already set.
/// </summary>
public sealed class EmulatorCommandLine
{
    private readonly Option<string> _template = new("--template") { Description = "The CloudFormation template (relative paths: from the working directory). Default infra/template.yaml." };
    private readonly Option<int> _gatewayPort = new("--gateway-port") { Description = "Port of the HTTP API. Default 8000; 0 = any free port." };
    private readonly Option<int> _runtimePort = new("--runtime-port") { Description = "Port of the Lambda Runtime API, the Invoke API and /health. Default 9001." };
    private readonly Option<string> _bindAddress = new("--bind-address") { Description = "Address both ports listen on. Default 127.0.0.1." };
    private readonly Option<string[]> _parameters = KeyValues("--parameter", "A template parameter, KEY=VALUE (repeatable).");
    private readonly Option<string[]> _physicalIds = KeyValues("--physical-id", "A resource's physical name for !Ref, LOGICALID=NAME (repeatable), e.g. VisitsTable=Visits.");
    private readonly Option<string[]> _environment = KeyValues("--env", "An environment variable for the function, KEY=VALUE (repeatable).");
    private readonly Option<string> _functionCommand = new("--function-command") { Description = "Start execution environments with this runtime executable (e.g. the bootstrap). Default: none, external runtimes poll the runtime port." };
    private readonly Option<string[]> _functionArguments = new("--function-argument") { Description = "An argument of the runtime executable (repeatable).", AllowMultipleArgumentsPerToken = false };
    private readonly Option<int> _maxConcurrency = new("--max-concurrency") { Description = "Concurrency when the template reserves none. Default 10." };
    private readonly Option<int> _idleTimeout = new("--idle-timeout") { Description = "Seconds an execution environment may stay idle before it is shut down (the next invocation cold-starts). Default 300." };

    public EmulatorCommandLine()
    {
        Root = new RootCommand("Local API Gateway HTTP API (payload 2.0) + Lambda Runtime API and Invoke API, configured from a CloudFormation template.")
        {
            _template, _gatewayPort, _runtimePort, _bindAddress, _parameters, _physicalIds, _environment,
            _functionCommand, _functionArguments, _maxConcurrency, _idleTimeout,
        };
        _idleTimeout.Validators.Add(result =>
        {
            if (result.Tokens is [.., var last] && int.TryParse(last.Value, out var seconds) && seconds < 1)
            {
                result.AddError("--idle-timeout must be at least 1 second.");
            }
        });
        foreach (var port in new[] { _gatewayPort, _runtimePort })
        {
            port.Validators.Add(result =>
            {
                if (result.Tokens is [.., var last] && int.TryParse(last.Value, out var number) && number is < 0 or > 65535)
                {
                    result.AddError($"{result.Option.Name} must be a port number from 0 to 65535.");
                }
            });
        }
    }

    public RootCommand Root { get; }

    /// <summary>Overrides what the command line names; everything else keeps its configured value.</summary>
    public void ApplyTo(ParseResult parsed, EmulatorSettings settings)
    {
        Set(_template, value => settings.Template = value);
        Set(_gatewayPort, value => settings.GatewayPort = value);
        Set(_runtimePort, value => settings.RuntimePort = value);
        Set(_bindAddress, value => settings.BindAddress = value);
        Set(_parameters, pairs => KeyValueText.AddTo(settings.Stack.Parameters, pairs));
        Set(_physicalIds, pairs => KeyValueText.AddTo(settings.Stack.PhysicalIds, pairs));
        Set(_environment, pairs => KeyValueText.AddTo(settings.Function.Environment, pairs));
        Set(_functionCommand, value => settings.Function.Command = value);
        Set(_functionArguments, values => settings.Function.Arguments = [.. values]);
        Set(_maxConcurrency, value => settings.Function.MaxConcurrency = value);
        Set(_idleTimeout, value => settings.Function.IdleTimeout = TimeSpan.FromSeconds(value));

        void Set<T>(Option<T> option, Action<T> apply)
        {
            if (parsed.GetResult(option) is { Implicit: false } && parsed.GetValue(option) is { } value) apply(value);
        }
    }

    private static Option<string[]> KeyValues(string name, string description)
    {
        var option = new Option<string[]>(name) { Description = description, AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(result =>
        {
            if (KeyValueText.Problem(name, result.Tokens.Select(t => t.Value)) is { } problem) result.AddError(problem);
        });
        return option;
    }
}

using CloudResume.CloudFormation;
using CloudResume.Emulator.Hosting;

namespace CloudResume.Emulator.Runtime;

/// <summary>The function as the emulator runs it: the template's definition plus the local choices.</summary>
public sealed record FunctionSettings(
    FunctionDefinition Definition,
    string Arn,
    string Region,
    int Concurrency,
    EmulatorOptions Options)
{
    public string Name => Definition.FunctionName;
    public TimeSpan Timeout => Definition.Timeout;

    public static FunctionSettings From(CounterStack stack, EmulatorOptions options)
    {
        var context = stack.Template.Context;
        var function = stack.Function;
        return new FunctionSettings(
            function,
            $"arn:{context.Partition}:lambda:{context.Region}:{context.AccountId}:function:{function.FunctionName}",
            context.Region,
            function.ReservedConcurrency ?? options.DefaultConcurrency,
            options);
    }

    /// <summary>Accepts what Lambda accepts for FunctionName: the name, the ARN, or either with :$LATEST.</summary>
    public bool IsNamed(string nameOrArn)
    {
        var name = nameOrArn.EndsWith(":$LATEST", StringComparison.Ordinal) ? nameOrArn[..^":$LATEST".Length] : nameOrArn;
        return name == Name || name == Arn;
    }
}

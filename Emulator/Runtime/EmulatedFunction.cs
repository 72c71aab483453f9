using CloudResume.CloudFormation;
using CloudResume.Contracts.LocalSystem;

namespace CloudResume.Emulator.Runtime;

/// <summary>The function as the emulator runs it: the template's definition plus the local choices.</summary>
public sealed record EmulatedFunction(
    FunctionDefinition Definition,
    string Arn,
    string Region,
    int Concurrency,
    EmulatedFunctionSettings Settings)
{
    public string Name => Definition.FunctionName;
    public TimeSpan Timeout => Definition.Timeout;

    public static EmulatedFunction From(CounterStack stack, EmulatedFunctionSettings settings)
    {
        var context = stack.Template.Context;
        var function = stack.Function;
        return new EmulatedFunction(
            function,
            $"arn:{context.Partition}:lambda:{context.Region}:{context.AccountId}:function:{function.FunctionName}",
            context.Region,
            function.ReservedConcurrency ?? settings.MaxConcurrency,
            settings);
    }

    /// <summary>
    /// Accepts what the Invoke API accepts for FunctionName: the name (<c>my-function</c>), the ARN, or the partial
    /// ARN (<c>123456789012:function:my-function</c>), each optionally with the <c>:$LATEST</c> qualifier.
    /// </summary>
    public bool IsNamed(string nameOrArn)
    {
        var name = nameOrArn.EndsWith(":$LATEST", StringComparison.Ordinal) ? nameOrArn[..^":$LATEST".Length] : nameOrArn;
        return name == Name || name == Arn || name == PartialArn;
    }

    private string PartialArn => Arn.Split(':', 5)[4];
}

using System.Text.RegularExpressions;

namespace CloudResume.CloudFormation;

/// <summary>The checks CloudFormation applies to a parameter value before it deploys anything.</summary>
internal static class TemplateParameterRules
{
    public static void Check(string name, JsonObject definition, string value)
    {
        if (definition["AllowedValues"] is JsonArray allowed &&
            !allowed.Any(item => item?.ToString() == value))
        {
            throw new TemplateException($"Parameter {name}='{value}' must be one of: {string.Join(", ", allowed)}.");
        }
        if ((string?)definition["AllowedPattern"] is { } pattern &&
            !Regex.IsMatch(value, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new TemplateException($"Parameter {name}='{value}' does not match {pattern}.");
        }
        if ((string?)definition["Type"] != "Number")
        {
            return;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new TemplateException($"Parameter {name}='{value}' must be a number.");
        }
        if (definition["MinValue"] is { } min && number < NodeValue.Number(min))
        {
            throw new TemplateException($"Parameter {name}={value} is below its minimum {min}.");
        }
        if (definition["MaxValue"] is { } max && number > NodeValue.Number(max))
        {
            throw new TemplateException($"Parameter {name}={value} is above its maximum {max}.");
        }
    }
}

namespace CloudResume.CloudFormation;

/// <summary><c>KEY=VALUE</c>, as <c>aws cloudformation deploy --parameter-overrides</c> takes each parameter (the value may hold '=').</summary>
public static class KeyValueText
{
    public static bool TryParse(string text, out string key, out string value)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        (key, value) = equals > 0 ? (text[..equals], text[(equals + 1)..]) : ("", "");
        return equals > 0;
    }

    /// <summary>Adds each pair to <paramref name="target"/> (a later one wins); the valid ones only.</summary>
    public static void AddTo(IDictionary<string, string> target, IEnumerable<string> pairs)
    {
        foreach (var pair in pairs)
        {
            if (TryParse(pair, out var key, out var value))
            {
                target[key] = value;
            }
        }
    }

    /// <summary>The message for the first pair that is not KEY=VALUE, or null.</summary>
    public static string? Problem(string option, IEnumerable<string> pairs) =>
        pairs.FirstOrDefault(pair => !TryParse(pair, out _, out _)) is { } bad ? $"{option} '{bad}' is not KEY=VALUE." : null;
}

using System.Collections;
using System.Reflection;

namespace CloudResume.Local.Configuration;

/// <summary>
/// Writes a settings object as the configuration keys ASP.NET Core's binder reads back into the same type
/// (<c>Function:Command</c>, <c>Stack:Parameters:SiteOrigin</c>, <c>Function:Arguments:0</c>), so a process's
/// settings travel as environment variables without either side spelling a key.
/// </summary>
public static class ConfigurationKeys
{
    /// <summary>Key → value for every set property, nested objects, lists and dictionaries included.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Flatten(object settings, string prefix = "")
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite))
        {
            var key = prefix + property.Name;
            var value = property.GetValue(settings);
            switch (value)
            {
                case null:
                    break;
                case string or ValueType when Scalar(value) is { } scalar:
                    yield return new(key, scalar);
                    break;
                case IDictionary dictionary:
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        if (Scalar(entry.Value) is { } entryValue) yield return new($"{key}:{entry.Key}", entryValue);
                    }
                    break;
                case IEnumerable list:
                    var index = 0;
                    foreach (var item in list)
                    {
                        if (Scalar(item) is { } itemValue) yield return new($"{key}:{index}", itemValue);
                        index++;
                    }
                    break;
                case var nested:
                    foreach (var pair in Flatten(nested, key + ":")) yield return pair;
                    break;
            }
        }
    }

    /// <summary>The same, as environment variable names (<c>:</c> becomes <c>__</c>, which the binder reads back).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToEnvironment(object settings, string section) =>
        Flatten(settings, section + ":").Select(pair => new KeyValuePair<string, string?>(EnvironmentName(pair.Key), pair.Value));

    public static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    private static string? Scalar(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}

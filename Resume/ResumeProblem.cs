using Json.Pointer;

namespace CloudResume.Resume;

/// <summary>
/// One thing wrong with a resume file: where (a field path as an owner writes it, <c>work[0].startDate</c>) and what.
/// Shown as <c>work[0].startDate: must be a date as YYYY-MM-DD, YYYY-MM or YYYY (found "March 2020")</c>.
/// </summary>
public sealed record ResumeProblem(string Path, string Message)
{
    /// <summary>The path of the whole document, for a problem with the file itself.</summary>
    public const string WholeFile = "(file)";

    public override string ToString() => $"{Path}: {Message}";

    /// <summary><c>/work/0/highlights/1</c> → <c>work[0].highlights[1]</c>.</summary>
    public static string FieldPath(JsonPointer pointer)
    {
        var path = new StringBuilder();
        for (var i = 0; i < pointer.SegmentCount; i++)
        {
            var segment = pointer[i].ToString();
            if (int.TryParse(segment, out _))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else
            {
                path.Append(path.Length == 0 ? "" : ".").Append(segment);
            }
        }
        return path.Length == 0 ? WholeFile : path.ToString();
    }

    /// <summary>A value as it stood in the file, shortened so one problem stays one line.</summary>
    public static string Found(JsonElement value)
    {
        const int max = 40;
        var text = value.GetRawText();
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }

    /// <summary>The JSON type names the schema uses, for "must be a string, not a number".</summary>
    public static string TypeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}

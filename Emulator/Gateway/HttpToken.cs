namespace CloudResume.Emulator.Gateway;

/// <summary>RFC 9110 §5.6.2 token: what a header field name may be made of.</summary>
public static class HttpToken
{
    private const string Symbols = "!#$%&'*+-.^_`|~";

    public static bool IsValid(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || Symbols.Contains(c));
}

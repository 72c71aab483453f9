namespace CloudResume.Bench;

/// <summary>Copies what a benchmark prints into the results file while it still reaches the terminal.</summary>
public sealed class ConsoleTee : TextWriter
{
    private readonly TextWriter _terminal;
    private readonly StringBuilder _copy = new();

    private ConsoleTee(TextWriter terminal) => _terminal = terminal;

    public override Encoding Encoding => _terminal.Encoding;

    public static async Task<(int ExitCode, string Output)> CaptureAsync(Func<Task<int>> benchmark)
    {
        var terminal = Console.Out;
        var tee = new ConsoleTee(terminal);
        Console.SetOut(tee);
        try
        {
            return (await benchmark(), tee.Text);
        }
        finally
        {
            Console.SetOut(terminal);
        }
    }

    public string Text
    {
        get
        {
            lock (_copy)
            {
                return _copy.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_copy)
        {
            _copy.Append(value);
        }
        _terminal.Write(value);
    }

    public override void Write(string? value)
    {
        lock (_copy)
        {
            _copy.Append(value);
        }
        _terminal.Write(value);
    }
}

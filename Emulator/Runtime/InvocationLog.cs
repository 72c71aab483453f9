namespace CloudResume.Emulator.Runtime;

/// <summary>
/// What one invocation wrote, kept only when the caller asked for it (<c>X-Amz-Log-Type: Tail</c>), framed as
/// Lambda frames it in CloudWatch: START, the function's lines, END, REPORT. Lambda returns the last 4 KB.
/// </summary>
public sealed class InvocationLog
{
    public const int TailBytes = 4096;

    private readonly Lock _gate = new();
    private readonly StringBuilder _lines = new();
    private long _lastWrite = Environment.TickCount64;

    public void Append(string line)
    {
        lock (_gate)
        {
            _lines.Append(line).Append('\n');
            // Only the tail is ever read: keep the buffer from growing with a chatty function.
            if (_lines.Length > 4 * TailBytes) _lines.Remove(0, _lines.Length - 2 * TailBytes);
            _lastWrite = Environment.TickCount64;
        }
    }

    /// <summary>
    /// The base64 tail for <c>X-Amz-Log-Result</c>. The function's last lines travel through a pipe and may
    /// arrive just after its /response: waits until its output has been quiet briefly (at most 250 ms).
    /// </summary>
    public async Task<string> TailAsync(string requestId, TimeSpan duration, int memorySizeMb)
    {
        var giveUp = Environment.TickCount64 + 250;
        while (Environment.TickCount64 - Volatile.Read(ref _lastWrite) < 20 && Environment.TickCount64 < giveUp)
        {
            await Task.Delay(10);
        }
        string body;
        lock (_gate) body = _lines.ToString();
        var ms = duration.TotalMilliseconds;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"START RequestId: {requestId} Version: $LATEST\n{body}END RequestId: {requestId}\n" +
            $"REPORT RequestId: {requestId}\tDuration: {ms:0.00} ms\tBilled Duration: {Math.Ceiling(ms):0} ms\tMemory Size: {memorySizeMb} MB\t\n");
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToBase64String(bytes.AsSpan(Math.Max(0, bytes.Length - TailBytes)));
    }
}

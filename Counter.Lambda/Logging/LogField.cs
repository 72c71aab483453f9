namespace CloudResume.Counter.Logging;

/// <summary>
/// One named value of a log record: a plain field, a metric (a number CloudWatch turns into a metric value, through
/// the record's embedded metric format) or a dimension of those metrics.
/// </summary>
public readonly record struct LogField(string Name, object? Value, LogFieldKind Kind = LogFieldKind.Field)
{
    public static LogField Metric(string name, long value) => new(name, value, LogFieldKind.Metric);

    public static LogField Dimension(string name, string value) => new(name, value, LogFieldKind.Dimension);

    public static implicit operator LogField((string Name, object? Value) field) => new(field.Name, field.Value);
}

public enum LogFieldKind
{
    Field,
    Metric,
    Dimension,
}

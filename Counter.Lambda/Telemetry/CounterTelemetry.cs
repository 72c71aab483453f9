namespace CloudResume.Counter.Telemetry;

/// <summary>The function's ActivitySource (the name the OpenTelemetry pipeline subscribes to) and its log category.</summary>
public static class CounterTelemetry
{
    public const string Name = "CloudResume.Counter";

    public static readonly ActivitySource Source = new(Name);
}

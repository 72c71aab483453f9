namespace CloudResume.Tests.Support;

/// <summary>One metric an OTLP exporter sent (its data points are not read), with the <c>service.name</c> that sent it.</summary>
public sealed record ReceivedMetric(string ServiceName, string Name);

/// <summary>One data point of a sum (a counter): its time and value, as the exporter reported it.</summary>
public sealed record ReceivedSumPoint(string ServiceName, string Name, ulong TimeUnixNano, double Value, bool IsMonotonic);

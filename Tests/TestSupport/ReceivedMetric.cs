namespace CloudResume.Tests.Support;

/// <summary>One metric an OTLP exporter sent (its data points are not read), with the <c>service.name</c> that sent it.</summary>
public sealed record ReceivedMetric(string ServiceName, string Name);

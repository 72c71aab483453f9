using CloudResume.Contracts.HttpApi;
using CloudResume.Counter.Logging;

namespace CloudResume.Counter.Http;

/// <summary>What a request did to the counts: nothing (a read, bad input), a counted visit, or a visit seen but not counted.</summary>
public enum VisitOutcome
{
    None,
    Counted,
    SkippedBot,
}

/// <summary>The answer to a request and what it did to the counts (the <c>Visits</c> metric of the function's log line).</summary>
public sealed record HandledRequest(HttpApiResponse Response, VisitOutcome Visit = VisitOutcome.None)
{
    /// <summary>The metric fields of the log line: Visits, or SkippedVisits with its reason (embedded metric format).</summary>
    public LogField[] MetricFields => Visit switch
    {
        VisitOutcome.Counted => [LogField.Metric("Visits", 1)],
        VisitOutcome.SkippedBot => [LogField.Metric("SkippedVisits", 1), LogField.Dimension("Reason", "bot")],
        _ => [],
    };
}

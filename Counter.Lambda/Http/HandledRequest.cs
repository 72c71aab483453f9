using CloudResume.Contracts.HttpApi;
using CloudResume.Counter.Counting;
using CloudResume.Counter.Logging;

namespace CloudResume.Counter.Http;

/// <summary>The answer to a request and what it did to the counts (the <c>Visits</c> metric of the function's log line).</summary>
public sealed record HandledRequest(HttpApiResponse Response, VisitOutcome Visit = VisitOutcome.None)
{
    /// <summary>The metric fields of the log line: Visits, or SkippedVisits with its reason (embedded metric format).</summary>
    public LogField[] MetricFields => Visit switch
    {
        VisitOutcome.Counted => [LogField.Metric("Visits", 1)],
        VisitOutcome.SkippedBot => Skipped("bot"),
        VisitOutcome.SkippedNotABrowser => Skipped("not-a-browser"),
        VisitOutcome.SkippedOverVisitorLimit => Skipped("visitor-limit"),
        VisitOutcome.SkippedOverAddressLimit => Skipped("address-limit"),
        _ => [],
    };

    private static LogField[] Skipped(string reason) => [LogField.Metric("SkippedVisits", 1), LogField.Dimension("Reason", reason)];
}

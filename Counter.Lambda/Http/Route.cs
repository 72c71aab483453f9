namespace CloudResume.Counter.Http;

/// <summary>What a request asks for, once method and path are matched.</summary>
public enum Route
{
    NotFound,
    MethodNotAllowed,
    CountVisit,
    ReadVisits,
}

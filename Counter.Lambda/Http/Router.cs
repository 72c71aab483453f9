namespace CloudResume.Counter.Http;

/// <summary>
/// Matches on method + path rather than routeKey, so the function behaves the same behind an explicit
/// "POST /visits" route and behind "$default".
/// </summary>
public static class Router
{
    public const string VisitsPath = "/visits";
    public const string AllowedOnVisits = "GET, POST";

    public static Route Match(string method, string path)
    {
        var normalized = path.Length > 1 ? path.TrimEnd('/') : path;
        if (!string.Equals(normalized, VisitsPath, StringComparison.Ordinal))
        {
            return Route.NotFound;
        }
        return method.ToUpperInvariant() switch
        {
            "POST" => Route.CountVisit,
            "GET" => Route.ReadVisits,
            _ => Route.MethodNotAllowed,
        };
    }

    /// <summary>The route template for span names and logs; null when nothing matched.</summary>
    public static string? Template(Route route) => route is Route.NotFound ? null : VisitsPath;
}

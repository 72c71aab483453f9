using CloudResume.CloudFormation;

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// HTTP API route selection on the raw request path, as API Gateway does it (no normalisation: a path
/// with <c>..</c> is just another path). The most specific route wins: exact path before path variables
/// before greedy <c>{proxy+}</c>, a method before <c>ANY</c>; <c>$default</c> catches the rest.
/// </summary>
public sealed class RouteTable
{
    private readonly List<(RouteDefinition Route, string[] Segments)> _routes;
    private readonly RouteDefinition? _default;

    public RouteTable(IEnumerable<RouteDefinition> routes)
    {
        var all = routes.ToList();
        _default = all.FirstOrDefault(r => r.RouteKey == "$default");
        _routes = [.. all.Where(r => r.RouteKey != "$default").Select(r => (r, r.Path.Split('/')))];
    }

    public RouteMatch? Match(string method, string rawPath)
    {
        var segments = rawPath.Split('/');
        RouteMatch? best = null;
        var bestScore = int.MinValue;
        foreach (var (route, pattern) in _routes)
        {
            var methodScore = route.Method == method ? 1 : route.Method == "ANY" ? 0 : -1;
            if (methodScore < 0 || Bind(pattern, segments) is not var (parameters, pathScore)) continue;
            var score = pathScore * 2 + methodScore;
            if (score > bestScore)
            {
                (best, bestScore) = (new RouteMatch(route, parameters), score);
            }
        }
        return best ?? (_default is null ? null : new RouteMatch(_default, null));
    }

    // Score: literal segments count most; a greedy variable least.
    private static (Dictionary<string, string>? Parameters, int Score)? Bind(string[] pattern, string[] path)
    {
        Dictionary<string, string>? parameters = null;
        var score = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var part = pattern[i];
            if (part.StartsWith('{') && part.EndsWith("+}", StringComparison.Ordinal))
            {
                if (i >= path.Length || (i == path.Length - 1 && path[i].Length == 0)) return null;
                (parameters ??= [])[part[1..^2]] = string.Join('/', path[i..]);
                return (parameters, score);
            }
            if (i >= path.Length) return null;
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                if (path[i].Length == 0) return null;
                (parameters ??= [])[part[1..^1]] = Uri.UnescapeDataString(path[i]);
                score += 100;
            }
            else if (part == path[i])
            {
                score += 1000;
            }
            else
            {
                return null;
            }
        }
        return path.Length == pattern.Length ? (parameters, score + 10_000) : null;
    }
}

public sealed record RouteMatch(RouteDefinition Route, IReadOnlyDictionary<string, string>? PathParameters);

namespace CloudResume.CloudFormation;

/// <summary>An API Gateway HTTP API: its routes, CORS, stage throttling and integration timeout.</summary>
public sealed record HttpApiDefinition(
    string LogicalId,
    IReadOnlyList<RouteDefinition> Routes,
    CorsDefinition? Cors,
    double? ThrottlingRateLimit,
    int? ThrottlingBurstLimit)
{
    /// <summary>API Gateway's ceiling for an HTTP API integration.</summary>
    public static readonly TimeSpan MaxIntegrationTimeout = TimeSpan.FromSeconds(30);

    public static HttpApiDefinition From(CloudFormationTemplate template, TemplateResource api)
    {
        var ofThisApi = (string type) => template.ResourcesOfType(type)
            .Where(r => (string?)r.Properties["ApiId"] == template.PhysicalId(api.LogicalId));
        var integrations = ofThisApi("AWS::ApiGatewayV2::Integration")
            .ToDictionary(i => $"integrations/{template.PhysicalId(i.LogicalId)}");
        var routes = ofThisApi("AWS::ApiGatewayV2::Route").Select(route =>
        {
            var target = (string?)route.Properties["Target"] ?? "";
            var integration = integrations.GetValueOrDefault(target)
                ?? throw new TemplateException($"Route {route.LogicalId} targets unknown '{target}'.");
            return RouteDefinition.From(template, route, integration);
        });
        var settings = ofThisApi("AWS::ApiGatewayV2::Stage")
            .Select(s => s.Properties["DefaultRouteSettings"] as JsonObject).FirstOrDefault(s => s is not null);
        return new HttpApiDefinition(
            api.LogicalId,
            [.. routes],
            api.Properties["CorsConfiguration"] is JsonObject cors ? CorsDefinition.From(cors) : null,
            NodeValue.Number(settings?["ThrottlingRateLimit"]),
            NodeValue.Int(settings?["ThrottlingBurstLimit"]));
    }
}

/// <summary>A route (<c>"POST /visits"</c>) and the Lambda proxy integration behind it.</summary>
public sealed record RouteDefinition(
    string RouteKey,
    string FunctionLogicalId,
    string PayloadFormatVersion,
    TimeSpan IntegrationTimeout)
{
    public string Method => RouteKey.Split(' ', 2)[0];
    public string Path => RouteKey.Split(' ', 2) is [_, var path] ? path : "";

    internal static RouteDefinition From(CloudFormationTemplate template, TemplateResource route, TemplateResource integration)
    {
        var uri = (string?)integration.Properties["IntegrationUri"] ?? "";
        var function = template.ResourcesOfType("AWS::Lambda::Function")
            .FirstOrDefault(f => uri.EndsWith($":function:{template.PhysicalId(f.LogicalId)}", StringComparison.Ordinal))
            ?? throw new TemplateException($"Integration {integration.LogicalId} does not target a function of this template.");
        var timeout = TimeSpan.FromMilliseconds(NodeValue.Int(integration.Properties["TimeoutInMillis"]) ?? 30_000);
        return new RouteDefinition(
            (string)route.Required("RouteKey")!,
            function.LogicalId,
            (string?)integration.Properties["PayloadFormatVersion"] ?? "2.0",
            timeout > HttpApiDefinition.MaxIntegrationTimeout ? HttpApiDefinition.MaxIntegrationTimeout : timeout);
    }
}

/// <summary>The API's <c>CorsConfiguration</c>; the gateway, not the function, answers CORS.</summary>
public sealed record CorsDefinition(
    IReadOnlyList<string> AllowOrigins,
    IReadOnlyList<string> AllowMethods,
    IReadOnlyList<string> AllowHeaders,
    IReadOnlyList<string> ExposeHeaders,
    int? MaxAgeSeconds,
    bool AllowCredentials)
{
    internal static CorsDefinition From(JsonObject cors)
    {
        static string[] List(JsonNode? node) => [.. (node as JsonArray ?? []).Select(n => n?.ToString() ?? "")];
        return new CorsDefinition(
            List(cors["AllowOrigins"]),
            List(cors["AllowMethods"]),
            List(cors["AllowHeaders"]),
            List(cors["ExposeHeaders"]),
            NodeValue.Int(cors["MaxAge"]),
            NodeValue.Bool(cors["AllowCredentials"]) ?? false);
    }
}

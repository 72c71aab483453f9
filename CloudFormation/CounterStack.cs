namespace CloudResume.CloudFormation;

/// <summary>
/// The CloudResume stack as <c>infra/template.yaml</c> defines it: the table, the counter function
/// and the HTTP API in front of it. Everything the AppHost and the emulator configure comes from here.
/// </summary>
public sealed record CounterStack(
    CloudFormationTemplate Template,
    TableDefinition Table,
    FunctionDefinition Function,
    HttpApiDefinition Api)
{
    /// <summary>The parameter naming the site's origin, the API's allowed CORS origin when there is no custom domain.</summary>
    public const string SiteOriginParameter = "SiteOrigin";

    /// <summary>The parameter that lets browsers send a traceparent header (the local AppHost sets it).</summary>
    public const string AllowTraceContextParameter = "AllowTraceContext";

    public static CounterStack Load(string templatePath, StackContext? context = null)
    {
        var template = CloudFormationTemplate.Load(templatePath, context);
        return new CounterStack(
            template,
            TableDefinition.From(template, template.SingleOfType("AWS::DynamoDB::Table")),
            FunctionDefinition.From(template, template.SingleOfType("AWS::Lambda::Function")),
            HttpApiDefinition.From(template, template.SingleOfType("AWS::ApiGatewayV2::Api")));
    }
}

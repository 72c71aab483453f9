namespace CloudResume.CloudFormation;

/// <summary>An <c>AWS::DynamoDB::Table</c>: what is needed to create the same table locally.</summary>
public sealed record TableDefinition(
    string LogicalId,
    string TableName,
    string BillingMode,
    IReadOnlyList<(string Name, string Type)> AttributeDefinitions,
    IReadOnlyList<(string Name, string KeyType)> KeySchema,
    string? TimeToLiveAttribute)
{
    public static TableDefinition From(CloudFormationTemplate template, TemplateResource table)
    {
        var p = table.Properties;
        return new TableDefinition(
            table.LogicalId,
            template.PhysicalId(table.LogicalId),
            (string?)p["BillingMode"] ?? "PROVISIONED",
            [.. Items(table, "AttributeDefinitions").Select(a => ((string)a["AttributeName"]!, (string)a["AttributeType"]!))],
            [.. Items(table, "KeySchema").Select(k => ((string)k["AttributeName"]!, (string)k["KeyType"]!))],
            NodeValue.Bool(p["TimeToLiveSpecification"]?["Enabled"]) == true
                ? (string?)p["TimeToLiveSpecification"]!["AttributeName"]
                : null);
    }

    private static IEnumerable<JsonObject> Items(TemplateResource table, string property) =>
        ((JsonArray)table.Required(property)).OfType<JsonObject>();
}

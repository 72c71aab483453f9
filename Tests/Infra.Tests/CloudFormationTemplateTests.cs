namespace CloudResume.Tests.Infra;

/// <summary>The template reader evaluates intrinsic functions the way CloudFormation documents them.</summary>
public sealed class CloudFormationTemplateTests
{
    private const string Yaml = """
        Parameters:
          Env: { Type: String, Default: dev, AllowedValues: [dev, prod] }
          Size: { Type: Number, Default: 3, MinValue: 1 }
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          NotProd: !Not [!Condition IsProd]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties: { TableName: !Sub "visits-${Env}" }
          Thing:
            Type: AWS::Test::Thing
            Properties:
              Name: !Sub "${AWS::StackName}-${Env}-${!Literal}"
              Arn: !GetAtt Table.Arn
              SubAttr: !Sub "arn is ${Table.Arn}"
              Chosen: !If [IsProd, big, small]
              Maybe: !If [NotProd, !Ref AWS::NoValue, present]
              List: [a, !Ref AWS::NoValue, b]
              Joined: !Join ["-", [x, !Ref Size]]
              Picked: !Select [1, [p, q, r]]
              Count: !Ref Size
              LongForm: { "Fn::Sub": ["${A}-${B}", { A: one, B: !Ref Env }] }
          OnlyInProd:
            Type: AWS::Test::Thing
            Condition: IsProd
        """;

    private static JsonObject Thing(Dictionary<string, string>? parameters = null) =>
        CloudFormationTemplate.Parse(Yaml, new StackContext { StackName = "stack", Parameters = parameters ?? [] })
            .Resource("Thing").Properties;

    [Fact]
    public void Sub_resolves_parameters_pseudo_parameters_attributes_and_keeps_escaped_literals()
    {
        var thing = Thing();
        Assert.Equal("stack-dev-${Literal}", (string?)thing["Name"]);
        Assert.Equal("arn is arn:aws:dynamodb:us-east-1:000000000000:table/visits-dev", (string?)thing["SubAttr"]);
        Assert.Equal("one-dev", (string?)thing["LongForm"]);
    }

    [Fact]
    public void GetAtt_Arn_uses_the_resources_physical_name()
    {
        Assert.Equal("arn:aws:dynamodb:us-east-1:000000000000:table/visits-dev", (string?)Thing()["Arn"]);
    }

    [Fact]
    public void If_and_NoValue_follow_conditions_computed_from_parameters()
    {
        var dev = Thing();
        Assert.Equal("small", (string?)dev["Chosen"]);
        Assert.False(dev.ContainsKey("Maybe"));
        Assert.Equal(["a", "b"], dev["List"]!.AsArray().Select(n => (string?)n));

        var prod = Thing(new() { ["Env"] = "prod" });
        Assert.Equal("big", (string?)prod["Chosen"]);
        Assert.Equal("present", (string?)prod["Maybe"]);
    }

    [Fact]
    public void Resources_whose_condition_is_false_do_not_exist()
    {
        var dev = CloudFormationTemplate.Parse(Yaml);
        var prod = CloudFormationTemplate.Parse(Yaml, new StackContext { Parameters = new Dictionary<string, string> { ["Env"] = "prod" } });
        Assert.DoesNotContain(dev.Resources, r => r.LogicalId == "OnlyInProd");
        Assert.Contains(prod.Resources, r => r.LogicalId == "OnlyInProd");
    }

    [Fact]
    public void Join_Select_and_number_parameters_resolve()
    {
        var thing = Thing(new() { ["Size"] = "5" });
        Assert.Equal("x-5", (string?)thing["Joined"]);
        Assert.Equal("q", (string?)thing["Picked"]);
        Assert.Equal(5, NodeValue.Int(thing["Count"]));
    }

    [Theory]
    [InlineData("Size", "0", "minimum")]
    [InlineData("Size", "many", "number")]
    [InlineData("Env", "test", "one of")]
    [InlineData("Nope", "x", "not declared")]
    public void Bad_parameter_values_are_refused_with_a_message_naming_the_rule(string name, string value, string expected)
    {
        var error = Assert.Throws<TemplateException>(() => Thing(new() { [name] = value }));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var error = Assert.Throws<TemplateException>(() => CloudFormationTemplate.Parse("Resources:\n  A: [unclosed\n"));
        Assert.Contains("line", error.Message);
    }
}

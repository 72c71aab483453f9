namespace CloudResume.Tests.Infra;

/// <summary>What the AppHost and the emulator read from the real template.</summary>
public sealed class CounterStackTests
{
    private static readonly string TemplatePath = TemplateFile.Path;

    [Fact]
    public void Routes_are_POST_and_GET_visits_through_the_counter_function_with_payload_2()
    {
        var stack = CounterStack.Load(TemplatePath);

        Assert.Equal(["GET /visits", "POST /visits"], stack.Api.Routes.Select(r => r.RouteKey).Order());
        Assert.All(stack.Api.Routes, route =>
        {
            Assert.Equal(stack.Function.LogicalId, route.FunctionLogicalId);
            Assert.Equal("2.0", route.PayloadFormatVersion);
            Assert.InRange(route.IntegrationTimeout, TimeSpan.FromSeconds(1), HttpApiDefinition.MaxIntegrationTimeout);
        });
    }

    [Fact]
    public void Cors_allows_only_the_site_origin_given_as_parameter()
    {
        var stack = TemplateFile.LoadStack(("SiteOrigin", "http://localhost:5080"));

        Assert.NotNull(stack.Api.Cors);
        Assert.Equal(["http://localhost:5080"], stack.Api.Cors.AllowOrigins);
        Assert.Equal(["GET", "POST"], stack.Api.Cors.AllowMethods);
        Assert.False(stack.Api.Cors.AllowCredentials);
    }

    [Fact]
    public void Without_any_site_origin_the_api_has_no_cors_at_all()
    {
        Assert.Null(CounterStack.Load(TemplatePath).Api.Cors);
    }

    [Fact]
    public void Function_environment_names_the_table_by_its_physical_name()
    {
        var stack = CounterStack.Load(TemplatePath, new StackContext
        {
            PhysicalIds = new Dictionary<string, string> { ["VisitsTable"] = "Visits" },
        });

        Assert.Equal("Visits", stack.Table.TableName);
        Assert.Equal("Visits", stack.Function.Environment["TABLE_NAME"]);
        Assert.Equal([("Id", "HASH")], stack.Table.KeySchema);
        Assert.Equal([("Id", "S")], stack.Table.AttributeDefinitions);
        Assert.Equal("ExpiresAt", stack.Table.TimeToLiveAttribute);
        Assert.Equal("PAY_PER_REQUEST", stack.Table.BillingMode);
    }

    [Fact]
    public void Function_limits_and_stage_throttling_come_from_the_template_and_its_parameters()
    {
        var stack = TemplateFile.LoadStack(("ReservedConcurrency", "3"), ("ThrottlingBurstLimit", "7"));

        Assert.Equal(3, stack.Function.ReservedConcurrency);
        Assert.Equal(7, stack.Api.ThrottlingBurstLimit);
        Assert.True(stack.Function.Timeout > TimeSpan.Zero);
        Assert.True(stack.Function.MemorySizeMb >= 128);
        Assert.Equal("provided.al2023", stack.Function.Runtime);
        Assert.Equal("bootstrap", stack.Function.Handler);
    }

    [Fact]
    public void A_parameter_override_outside_its_allowed_values_is_refused_with_the_reason()
    {
        var error = Assert.Throws<TemplateException>(() => TemplateFile.LoadStack(("Architecture", "sparc")));
        Assert.Contains("Architecture", error.Message);
    }
}

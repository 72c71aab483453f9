using CloudResume.Contracts;

namespace CloudResume.Tests.Counter.Unit;

public class PayloadMappingTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void A_real_aws_http_api_event_maps_to_method_path_ip_and_user_agent()
    {
        var request = HttpApiFunction.Parse(File.ReadAllBytes(AwsSample.HttpApiEventPath));

        Assert.NotNull(request);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/", request.Path);
        Assert.Equal("1.2.3.4", request.SourceIp);
        Assert.Equal("curl/7.58.0", request.UserAgent);
        Assert.Equal("aaaaaaaaaa.execute-api.us-west-2.amazonaws.com", request.Header("host"));
        Assert.Equal("aaaaaaaaaa.execute-api.us-west-2.amazonaws.com", request.Header("Host"));
    }

    [Fact]
    public void Query_parameters_and_body_are_read()
    {
        var request = HttpApiFunction.Parse(Utf8(ApiEvents.Json("GET", query: ApiEvents.Days("7"), body: "{}")));

        Assert.NotNull(request);
        Assert.Equal("7", request.Query("days"));
        Assert.Equal("{}", request.Body);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("[1,2]")]
    [InlineData("{\"version\":\"1.0\",\"httpMethod\":\"GET\",\"path\":\"/visits\"}")]
    [InlineData("{\"version\":\"2.0\",\"rawPath\":\"/visits\"}")]
    public void Anything_but_a_payload_2_0_event_is_malformed(string payload)
    {
        Assert.Null(HttpApiFunction.Parse(Utf8(payload)));
    }

    [Fact]
    public void Response_serializes_in_payload_2_0_shape()
    {
        var response = Responses.Error(405, "Method Not Allowed", ("allow", "GET, POST"));

        var json = JsonDocument.Parse(JsonSerializer.Serialize(response, ContractsJsonContext.Default.HttpApiResponse)).RootElement;

        Assert.Equal(405, json.GetProperty("statusCode").GetInt32());
        Assert.Equal("GET, POST", json.GetProperty("headers").GetProperty("allow").GetString());
        Assert.Equal("{\"message\":\"Method Not Allowed\"}", json.GetProperty("body").GetString());
        Assert.False(json.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public void Runtime_error_body_has_the_runtime_api_shape()
    {
        var error = LambdaBootstrap.ErrorOf(new FunctionErrorException(HttpApiFunction.MalformedEventType, "bad"));

        var json = JsonSerializer.Serialize(error, ContractsJsonContext.Default.LambdaError);

        Assert.Equal("{\"errorMessage\":\"bad\",\"errorType\":\"Runtime.MalformedEvent\",\"stackTrace\":[]}", json);
    }
}

namespace CloudResume.Tests.Counter.Unit;

public class LambdaEnvironmentTests
{
    [Fact]
    public void Service_name_defaults_to_the_function_name_then_counter()
    {
        var named = LambdaEnvironment.Read(k => k == "AWS_LAMBDA_FUNCTION_NAME" ? "resume-counter" : null);
        var bare = LambdaEnvironment.Read(_ => null);
        var explicitName = LambdaEnvironment.Read(k => k switch { "AWS_LAMBDA_FUNCTION_NAME" => "f", "OTEL_SERVICE_NAME" => "svc", _ => null });

        Assert.Equal("resume-counter", named.ServiceName);
        Assert.Equal("counter", bare.ServiceName);
        Assert.Equal("svc", explicitName.ServiceName);
    }
}

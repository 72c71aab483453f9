using System.Diagnostics;
using CloudResume.Tests.Reliability.Support;

namespace CloudResume.Tests.Reliability;

[Collection(FaultCollection.Name)]
public sealed class FunctionCrashTests(StackFixture fixture)
{
    [Fact]
    public async Task A_function_killed_mid_invocation_fails_only_its_caller()
    {
        var stack = fixture.Stack;
        Assert.True((await stack.Api.PostVisitAsync()).IsOk, "warm-up visit");

        VisitAnswer answer;
        // Paused dynalite holds the invocation inside the function (it has ~4.5 s before it gives up).
        stack.Dynalite.Process.Pause();
        try
        {
            var call = stack.Api.PostVisitAsync();
            // Lets the gateway hand the event to an environment; the function waits far longer than this.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.False(call.IsCompleted, "the visit should still be waiting on DynamoDB");

            // The busy environment is one of these; killing the idle ones too is harmless (they are replaced).
            var environments = stack.Emulator.FunctionProcessIds();
            Assert.NotEmpty(environments);
            foreach (var pid in environments)
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(); // SIGKILL
            }
            answer = await call;
        }
        finally
        {
            stack.Dynalite.Process.Resume();
        }

        Assert.True((int)answer.Status >= 500, $"the caller of the killed invocation got {answer}");
        Assert.False(string.IsNullOrEmpty(answer.Message), $"5xx without a JSON message: {answer}");

        for (var i = 0; i < 3; i++)
        {
            var next = await stack.Api.PostVisitAsync();
            Assert.True(next.IsOk, $"visit {i + 1} after the crash: {next}");
        }
    }
}

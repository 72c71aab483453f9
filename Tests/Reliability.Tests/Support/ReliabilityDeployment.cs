namespace CloudResume.Tests.Reliability.Support;

/// <summary>
/// How this suite deploys the counter locally (<see cref="LocalDeployment"/>): the template's quotas are lifted
/// (64 environments, no stage throttle) so the tests measure the function, not the quotas.
/// </summary>
public static class ReliabilityDeployment
{
    /// <summary>The allowed CORS origin (the template's SiteOrigin parameter), as the AppHost sets it locally.</summary>
    public const string SiteOrigin = "http://localhost:5080";

    /// <summary>
    /// Exactly one execution environment per caller of the 64-way load: an environment is free again the
    /// moment its invocation is answered, so 64 callers never meet a throttle.
    /// </summary>
    public const int ReservedConcurrency = 64;

    /// <param name="dataDirectory">Where dynalite persists (so it can be killed and restarted); null = in memory.</param>
    /// <param name="visitLimits">
    /// Keep the function's daily allowances per visitor and per address. Off by default: every load here comes from one
    /// address and one browser, and the suite measures counting, not the allowance (FloodTests measure that).
    /// </param>
    /// <param name="templateQuotas">Keep the template's default throttle and concurrency (what a deployed stack has).</param>
    public static Task<LocalDeployment> StartAsync(string? dataDirectory = null, bool visitLimits = false, bool templateQuotas = false)
    {
        var parameters = new Dictionary<string, string> { [CounterStack.SiteOriginParameter] = SiteOrigin };
        if (!templateQuotas)
        {
            parameters["ReservedConcurrency"] = $"{ReservedConcurrency}";
            parameters["ThrottlingRateLimit"] = "100000";
            parameters["ThrottlingBurstLimit"] = "100000";
        }
        return LocalDeployment.StartAsync(new LocalDeploymentOptions
        {
            DataDirectory = dataDirectory,
            FunctionEnvironment = visitLimits ? new Dictionary<string, string>() : new Dictionary<string, string>
            {
                ["MAX_VIEWS_PER_VISITOR_PER_DAY"] = $"{int.MaxValue}",
                ["MAX_VISITORS_PER_ADDRESS_PER_DAY"] = $"{int.MaxValue}",
            },
            Parameters = parameters,
        });
    }
}

using Microsoft.Extensions.Configuration;

namespace CloudResume.Deploy;

/// <summary>
/// <see cref="DeployOptions"/> from configuration section <see cref="DeployOptions.SectionName"/>, as <c>aspire deploy</c>
/// and <c>aspire destroy</c> read them (<c>AwsDeployment__ArtifactBucket=...</c>, any template parameter as
/// <c>AwsDeployment__Parameters__ThrottlingRateLimit=10</c>). A key the options do not have is an error, not
/// silently ignored: a misspelt setting must not deploy the defaults.
/// </summary>
public static class DeployConfiguration
{
    public static DeployOptions Bind(IConfiguration configuration)
    {
        var section = configuration.GetSection(DeployOptions.SectionName);
        try
        {
            return section.Get<DeployOptions>(binder => binder.ErrorOnUnknownConfiguration = true) ?? new DeployOptions();
        }
        catch (InvalidOperationException e)
        {
            var known = typeof(DeployOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();
            throw new DeployException(
                $"Unknown setting under {DeployOptions.SectionName}: {e.Message} Known settings: {string.Join(", ", known)}; " +
                $"template parameters go under {DeployOptions.SectionName}__Parameters__<Name>.");
        }
    }
}

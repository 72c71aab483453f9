using System.Reflection;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>Debug or Release: the processes under test are the ones built alongside this assembly.</summary>
public static class BuildConfiguration
{
    public static string Name { get; } =
        typeof(BuildConfiguration).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is "Release" ? "Release" : "Debug";
}

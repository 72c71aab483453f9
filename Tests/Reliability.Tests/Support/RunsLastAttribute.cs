namespace CloudResume.Tests.Reliability.Support;

/// <summary>Marks the test that checks what all others in its class left behind (see <see cref="RunsLastOrderer"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;

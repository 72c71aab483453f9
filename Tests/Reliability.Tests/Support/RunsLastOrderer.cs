using Xunit.Abstractions;
using Xunit.Sdk;

namespace CloudResume.Tests.Reliability.Support;

/// <summary>Runs a class's tests in declaration order, those marked <see cref="RunsLastAttribute"/> after the rest.</summary>
public sealed class RunsLastOrderer : ITestCaseOrderer
{
    public const string TypeName = "CloudResume.Tests.Reliability.Support.RunsLastOrderer";
    public const string AssemblyName = "Reliability.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute).AssemblyQualifiedName).Any());
}

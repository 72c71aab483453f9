namespace CloudResume.Tests.Infra;

/// <summary>infra/template.yaml read through the CloudFormation reader, with the parameters a test picks.</summary>
internal static class TemplateFile
{
    public static readonly string Path = RepositoryLayout.Current.Template;

    public const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

    public static CloudFormationTemplate Load(params (string Name, string Value)[] parameters) => LoadIn("us-east-1", parameters);

    public static CloudFormationTemplate LoadIn(string region, params (string Name, string Value)[] parameters) =>
        CloudFormationTemplate.Load(Path, Context(region, parameters));

    /// <summary>The template read as the counter's stack (function, API, table).</summary>
    public static CounterStack LoadStack(params (string Name, string Value)[] parameters) =>
        CounterStack.Load(Path, Context("us-east-1", parameters));

    private static StackContext Context(string region, (string Name, string Value)[] parameters) => new()
    {
        StackName = "resume",
        Region = region,
        AccountId = "123456789012",
        Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
    };
}

namespace CloudResume.CloudFormation;

/// <summary>The template cannot be read or resolved; the message says where and why.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);

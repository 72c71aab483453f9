namespace CloudResume.Counter.Counting;

/// <summary>
/// A counting write went out and its fate is unknown (a timeout, a reset connection, a 5xx): it may have been
/// applied. Such a visit must not be answered with an invitation to try again, or it could count twice.
/// </summary>
public sealed class AmbiguousWriteException(Exception inner)
    : Exception("A counting write was sent but DynamoDB's answer was lost: it may have been applied.", inner);

using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CloudResume.Contracts.Visits;
using CloudResume.Counter.Logging;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Counts visits in DynamoDB with atomic ADDs only (never read-modify-write), on the one <c>total</c> item: the totals
/// and the day's series are top-level attributes of it, so a view is one UpdateItem. A visitor this environment
/// already knows today costs exactly that one write. For one it does not know, the visitor's day marker (its views
/// today, across environments) is updated first, and for a new visitor the address's marker (its new visitors today):
/// a visitor or an address over its daily allowance (<see cref="VisitorAllowance"/>) is answered, not counted, and
/// refused from then on without a write. Then one write counts the view and, if new, the visitor. Writes are billed by
/// the item's size, so <c>total</c> keeps only the days a read can ask for: once a day, the process that created the
/// day's salt removes the older day attributes (<see cref="PruneAsync"/>).
/// </summary>
public sealed class VisitCounter(
    IAmazonDynamoDB dynamo,
    string tableName,
    DailySalt salt,
    VisitorAllowance? allowance = null,
    FunctionLog? log = null) : IVisitCounter
{
    /// <summary>The longest series a read may ask for (docs/contracts.md): 2 x 90 attributes in one projection.</summary>
    public const int MaxDays = 90;

    /// <summary>The prune removes the day attributes of today-<see cref="PruneFrom"/> ... today-<see cref="PruneTo"/>.</summary>
    public const int PruneFrom = MaxDays + 1;

    /// <summary>A 30-day sweep: up to 29 days in a row without a prune (no traffic, a lost answer) leave nothing behind.</summary>
    public const int PruneTo = MaxDays + 30;

    /// <summary>The prune is a chore: it may delay the day's first counted visit at most this long.</summary>
    public static readonly TimeSpan PruneBudget = TimeSpan.FromSeconds(1);

    private static readonly AttributeValue One = new() { N = "1" };
    private static readonly AttributeValue Zero = new() { N = "0" };

    private readonly VisitorAllowance _allowance = allowance ?? new VisitorAllowance(new VisitLimits());
    private readonly FunctionLog _log = log ?? FunctionLog.Stdout();

    public async Task<CountedVisit> CountAsync(string sourceIp, string userAgent, DateTimeOffset now, int days, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var counts = await CountVisitAsync(sourceIp, userAgent, UtcDay.Of(now), days, cancellationToken).ConfigureAwait(false);
        // After the visit's own work, so the prune can neither block nor fail it; a failed visit leaves the claim for the next.
        if (salt.TryClaimCreated(UtcDay.Of(now)))
        {
            await PruneQuietlyAsync(UtcDay.Of(now), cancellationToken).ConfigureAwait(false);
        }
        return counts;
    }

    /// <summary>
    /// One UpdateItem <c>REMOVE</c> of the day attributes of <paramref name="today"/>-91 ... -120 on <c>total</c>
    /// (absent ones are no-ops; idempotent). The expression is ~410 bytes, far below DynamoDB's 4 KB limit.
    /// </summary>
    public Task PruneAsync(UtcDay today, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var ago = PruneFrom; ago <= PruneTo; ago++)
        {
            var old = today.AddDays(-ago);
            names["#v" + ago.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayViews(old);
            names["#u" + ago.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayVisitors(old);
        }
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            UpdateExpression = "REMOVE " + string.Join(", ", names.Keys),
            ExpressionAttributeNames = names,
            // Never create a bare total item (an UpdateItem upserts).
            ConditionExpression = "attribute_exists(Id)",
            ReturnValues = ReturnValue.NONE,
        };
        return DynamoDbCall.RunAsync("UpdateItem", tableName, DynamoDbRetries.AtMostOnce, ct => dynamo.UpdateItemAsync(request, ct), cancellationToken);
    }

    private async Task PruneQuietlyAsync(UtcDay today, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(PruneBudget);
        try
        {
            await PruneAsync(today, budget.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ConditionalCheckFailedException or OperationCanceledException || TransientFailure.IsTransient(exception))
        {
            // Tomorrow's sweep covers today's days too.
            _log.Warn("Daily prune of old day attributes skipped", null, ("day", today.Key), ("error", exception.GetType().Name));
        }
        catch (Exception exception)
        {
            // A bug, but the visit is already counted: report it without failing the visit.
            _log.Error("Daily prune of old day attributes failed", null, ("day", today.Key), ("error", exception.GetType().Name), ("detail", exception.Message));
        }
    }

    // With a series wanted, the write of total answers ALL_NEW: the whole item holds the days, so the page's counting
    // load needs no read (a write is billed by the item's size either way; only the answer is larger).
    private async Task<CountedVisit> CountVisitAsync(string sourceIp, string userAgent, UtcDay day, int days, CancellationToken cancellationToken)
    {
        var daySalt = await salt.GetAsync(day, cancellationToken).ConfigureAwait(false);
        var visitor = VisitorHash.Compute(daySalt, sourceIp, userAgent, day);
        var address = VisitorHash.OfAddress(daySalt, sourceIp, day);
        var admission = _allowance.Admit(day, visitor, address);
        var newVisitor = false;
        if (admission == Admission.UnknownVisitor)
        {
            (admission, newVisitor) = await AdmitByMarkersAsync(day, visitor, address, cancellationToken).ConfigureAwait(false);
        }
        if (admission is Admission.OverVisitorLimit or Admission.OverAddressLimit)
        {
            var outcome = admission == Admission.OverVisitorLimit ? VisitOutcome.SkippedOverVisitorLimit : VisitOutcome.SkippedOverAddressLimit;
            return new CountedVisit(await ReadAsync(days, day, cancellationToken).ConfigureAwait(false), outcome);
        }

        // One write counts the view (and a new visitor); visitors :zero makes UPDATED_NEW return the visitor count too.
        var update = newVisitor
            ? "ADD #views :one, #visitors :one, #dayViews :one, #dayVisitors :one"
            : "ADD #views :one, #visitors :zero, #dayViews :one";
        var total = await AddAsync(update, day, days > 0, cancellationToken).ConfigureAwait(false);
        return new CountedVisit(CountsOf(total.Attributes, day, days), VisitOutcome.Counted);
    }

    /// <summary>
    /// A visitor this environment does not know yet: one more view on its marker (its views today, across environments)
    /// says whether it is over its allowance; its first view today also adds one to its address's marker (the address's
    /// new visitors today): over the address's allowance, or a new visitor to count. Asked before anything is counted,
    /// so the first view in each environment is decided exactly; the environment then counts on from what it learnt.
    /// A marker that cannot be updated admits the view (the allowance guards against floods; it must not fail visits)
    /// but not a new visitor. Returns <see cref="Admission.KnownVisitor"/> for a view to count.
    /// </summary>
    private async Task<(Admission Admission, bool NewVisitor)> AdmitByMarkersAsync(UtcDay day, string visitor, string address, CancellationToken cancellationToken)
    {
        if (await MarkerAsync(TableKeys.Visitor(day, visitor), TableKeys.Views, day, cancellationToken).ConfigureAwait(false) is not { } viewsToday)
        {
            return (Admission.KnownVisitor, false);
        }
        _allowance.Learn(day, visitor, viewsToday);
        if (viewsToday > _allowance.Limits.ViewsPerVisitorPerDay)
        {
            return (Admission.OverVisitorLimit, false);
        }
        if (viewsToday > 1 || await MarkerAsync(TableKeys.Address(day, address), TableKeys.Visitors, day, cancellationToken).ConfigureAwait(false) is not { } brought)
        {
            return (Admission.KnownVisitor, false);
        }
        _allowance.LearnAddress(day, address, brought);
        if (brought > _allowance.Limits.VisitorsPerAddressPerDay)
        {
            _allowance.Refuse(day, visitor);
            return (Admission.OverAddressLimit, false);
        }
        return (Admission.KnownVisitor, true);
    }

    /// <summary>ADD 1 to a day-scoped marker's <paramref name="attribute"/>: its new value, or null when the update failed.</summary>
    private async Task<long?> MarkerAsync(string id, string attribute, UtcDay day, CancellationToken cancellationToken)
    {
        try
        {
            return await AddToMarkerAsync(id, attribute, day, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AmbiguousWriteException || TransientFailure.IsTransient(exception))
        {
            _log.Warn("A visitor marker could not be updated", null, ("marker", id[..id.IndexOf('#', StringComparison.Ordinal)]), ("error", exception.GetType().Name));
            return null;
        }
    }

    public Task<VisitCounts> ReadAsync(int days, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReadAsync(days, UtcDay.Of(now), cancellationToken);

    private async Task<VisitCounts> ReadAsync(int days, UtcDay today, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var wanted = Enumerable.Range(0, Math.Max(days, 0)).Select(i => today.AddDays(i - days + 1)).ToList();

        // One GetItem: the totals and 2 attributes per day (#v0/#u0 oldest ...), ~1.2 KB of projection for 90 days.
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["#views"] = TableKeys.Views,
            ["#visitors"] = TableKeys.Visitors,
        };
        for (var i = 0; i < wanted.Count; i++)
        {
            names["#v" + i.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayViews(wanted[i]);
            names["#u" + i.ToString(CultureInfo.InvariantCulture)] = TableKeys.DayVisitors(wanted[i]);
        }
        var request = new GetItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            ConsistentRead = true,
            ProjectionExpression = string.Join(", ", names.Keys),
            ExpressionAttributeNames = names,
        };
        var response = await DynamoDbCall.RunAsync("GetItem", tableName, DynamoDbRetries.Idempotent, ct => dynamo.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);

        return CountsOf(response.Item, today, days);
    }

    /// <summary>The totals of <paramref name="item"/> and, for <paramref name="days"/> &gt; 0, its last N days up to <paramref name="today"/>, oldest first.</summary>
    private static VisitCounts CountsOf(Dictionary<string, AttributeValue>? item, UtcDay today, int days)
    {
        var series = days > 0
            ? Enumerable.Range(0, days).Select(i => today.AddDays(i - days + 1))
                .Select(d => new DailyCount(d.Key, Number(item, TableKeys.DayViews(d)), Number(item, TableKeys.DayVisitors(d)))).ToList()
            : null;
        return new VisitCounts(Number(item, TableKeys.Views), Number(item, TableKeys.Visitors), series);
    }

    /// <summary>
    /// One UpdateItem on <c>total</c>; placeholders #views, #visitors, #dayViews, #dayVisitors, values :one, :zero.
    /// Resent only when certainly not applied; any other failure after it went out is an <see cref="AmbiguousWriteException"/>.
    /// </summary>
    private async Task<UpdateItemResponse> AddAsync(string update, UtcDay day, bool wholeItem, CancellationToken cancellationToken)
    {
        // VIEWS is a DynamoDB reserved word: attribute names always go through placeholders.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        Use("#views", TableKeys.Views);
        Use("#visitors", TableKeys.Visitors);
        Use("#dayViews", TableKeys.DayViews(day));
        Use("#dayVisitors", TableKeys.DayVisitors(day));
        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [":one"] = One };
        if (update.Contains(":zero", StringComparison.Ordinal))
        {
            values[":zero"] = Zero;
        }
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(TableKeys.Total),
            UpdateExpression = update,
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = wholeItem ? ReturnValue.ALL_NEW : ReturnValue.UPDATED_NEW,
        };
        return await SendOnceAsync(ct => dynamo.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);

        void Use(string placeholder, string attribute)
        {
            // DynamoDB rejects unused placeholders.
            if (update.Contains(placeholder + " ", StringComparison.Ordinal))
            {
                names[placeholder] = attribute;
            }
        }
    }

    /// <summary>ADD 1 to a day-scoped marker's <paramref name="attribute"/> (created with its expiry): the new value.</summary>
    private async Task<long> AddToMarkerAsync(string id, string attribute, UtcDay day, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = Key(id),
            UpdateExpression = "ADD #count :one SET #expires = if_not_exists(#expires, :expires)",
            ExpressionAttributeNames = new() { ["#count"] = attribute, ["#expires"] = TableKeys.ExpiresAt },
            ExpressionAttributeValues = new()
            {
                [":one"] = One,
                [":expires"] = new() { N = day.ExpiresAtEpochSeconds.ToString(CultureInfo.InvariantCulture) },
            },
            ReturnValues = ReturnValue.UPDATED_NEW,
        };
        var response = await SendOnceAsync(ct => dynamo.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return Number(response.Attributes, attribute);
    }

    /// <summary>An ADD goes out at most once; a failure that may follow an applied write becomes <see cref="AmbiguousWriteException"/>.</summary>
    private async Task<UpdateItemResponse> SendOnceAsync(Func<CancellationToken, Task<UpdateItemResponse>> update, CancellationToken cancellationToken)
    {
        // Given up before it was sent: certainly not applied, and the caller may say "try again".
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await DynamoDbCall.RunAsync("UpdateItem", tableName, DynamoDbRetries.AtMostOnce, update, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!DynamoDbRetries.CertainlyNotApplied(exception))
        {
            throw new AmbiguousWriteException(exception);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string id) => new() { [TableKeys.Id] = new() { S = id } };

    private static long Number(Dictionary<string, AttributeValue>? item, string attribute) =>
        item is not null && item.TryGetValue(attribute, out var value) && value.N is { } n
            ? long.Parse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)
            : 0;
}

using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>How a page view is admitted by <see cref="VisitorAllowance"/>.</summary>
public enum Admission
{
    /// <summary>Counted in one write: this environment learnt the visitor's views today from its marker and counts on from there.</summary>
    KnownVisitor,
    /// <summary>This environment does not know the visitor yet: its marker decides (first) whether it is counted and new today.</summary>
    UnknownVisitor,
    /// <summary>Not counted: this visitor reached its views for the day.</summary>
    OverVisitorLimit,
    /// <summary>Not counted: this address brought its visitors for the day (user-agent rotation).</summary>
    OverAddressLimit,
}

/// <summary>
/// What one execution environment knows, per UTC day, about the visitors it served: each visitor's views today (what
/// its marker said on the visitor's first view here, plus the views counted here since) and each address's new visitors
/// today (from the address's marker). A visitor or an address over its allowance is refused without a write (a flood
/// costs one read per request); a known visitor within it costs one write. Only keyed hashes, never an IP or a user
/// agent. Bounded: past <see cref="Capacity"/> entries nothing new is remembered, and forgetting is harmless (the
/// markers tell again). A visitor whose views this environment counts alone is held to its allowance exactly; one
/// whose views several environments count at the same time, to at most the allowance in each (docs/contracts.md).
/// </summary>
public sealed class VisitorAllowance(VisitLimits limits, int capacity = VisitorAllowance.Capacity)
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _visitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _addresses = new(StringComparer.Ordinal);
    private UtcDay _day;

    public VisitLimits Limits => limits;

    public Admission Admit(UtcDay day, string visitor, string address)
    {
        lock (_gate)
        {
            if (!RollTo(day))
            {
                return Admission.UnknownVisitor; // a late request from yesterday: decided by its markers alone
            }
            if (_visitors.TryGetValue(visitor, out var views))
            {
                if (views >= limits.ViewsPerVisitorPerDay)
                {
                    return Admission.OverVisitorLimit;
                }
                _visitors[visitor] = views + 1;
                return Admission.KnownVisitor;
            }
            return _addresses.GetValueOrDefault(address) >= limits.VisitorsPerAddressPerDay ? Admission.OverAddressLimit : Admission.UnknownVisitor;
        }
    }

    /// <summary>The visitor's marker answered: <paramref name="viewsToday"/> views today, across all environments, this one included.</summary>
    public void Learn(UtcDay day, string visitor, long viewsToday) => Remember(_visitors, day, visitor, viewsToday);

    /// <summary>The address's marker answered: <paramref name="visitorsToday"/> new visitors today, across all environments.</summary>
    public void LearnAddress(UtcDay day, string address, long visitorsToday) => Remember(_addresses, day, address, visitorsToday);

    /// <summary>The visitor adds nothing more today (its address had brought its allowance of visitors before it).</summary>
    public void Refuse(UtcDay day, string visitor) => Learn(day, visitor, limits.ViewsPerVisitorPerDay);

    public int Count
    {
        get
        {
            lock (_gate) return _visitors.Count;
        }
    }

    private void Remember(Dictionary<string, long> counts, UtcDay day, string key, long count)
    {
        lock (_gate)
        {
            if (RollTo(day) && (counts.TryGetValue(key, out var known) || counts.Count < capacity))
            {
                counts[key] = Math.Max(known, count);
            }
        }
    }

    // False for a day before the current one (it must not wipe today).
    private bool RollTo(UtcDay day)
    {
        if (_day == day)
        {
            return true;
        }
        if (day.Date < _day.Date)
        {
            return false;
        }
        _visitors.Clear();
        _addresses.Clear();
        _day = day;
        return true;
    }
}

/// <summary>
/// What one visitor (IP + user agent) or one address may add to the counts in a UTC day; the function's environment
/// sets them (MAX_VIEWS_PER_VISITOR_PER_DAY, MAX_VISITORS_PER_ADDRESS_PER_DAY), the template's parameters fill those.
/// </summary>
public sealed record VisitLimits(int ViewsPerVisitorPerDay = VisitLimits.DefaultViewsPerVisitorPerDay, int VisitorsPerAddressPerDay = VisitLimits.DefaultVisitorsPerAddressPerDay)
{
    /// <summary>Enough for someone who reloads and comes back; a flood of reloads is not a fan club.</summary>
    public const int DefaultViewsPerVisitorPerDay = 10;

    /// <summary>A household or an office behind one address, not a script rotating user agents.</summary>
    public const int DefaultVisitorsPerAddressPerDay = 10;
}

using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>How a page view is admitted by <see cref="VisitorAllowance"/>.</summary>
public enum Admission
{
    /// <summary>Counted; this environment already knows the visitor's marker (one write).</summary>
    KnownVisitor,
    /// <summary>Counted; the visitor's marker decides whether it is new today (a second write, in parallel).</summary>
    UnknownVisitor,
    /// <summary>Not counted: this visitor reached its views for the day.</summary>
    OverVisitorLimit,
    /// <summary>Not counted: this address brought its visitors for the day (user-agent rotation).</summary>
    OverAddressLimit,
}

/// <summary>
/// What one execution environment knows, per UTC day, about the visitors it served: each visitor's views today (at
/// least those it counted, and what their marker said), whether their marker is known (a repeat visit then costs one
/// write), and how many visitors each address brought. Only keyed hashes, never an IP or a user agent. Bounded:
/// past <see cref="Capacity"/> entries nothing new is remembered, and forgetting is harmless (the marker tells again).
/// The limits hold per environment; the marker's count carries them across environments on a visitor's first view.
/// </summary>
public sealed class VisitorAllowance(VisitLimits limits, int capacity = VisitorAllowance.Capacity)
{
    public const int Capacity = 10_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (long Views, bool Known)> _visitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _addresses = new(StringComparer.Ordinal);
    private UtcDay _day;

    public VisitLimits Limits => limits;

    public Admission Admit(UtcDay day, string visitor, string address)
    {
        lock (_gate)
        {
            if (!RollTo(day))
            {
                return Admission.UnknownVisitor; // a late request from yesterday: decided by its marker alone
            }
            if (_visitors.TryGetValue(visitor, out var state))
            {
                if (state.Views >= limits.ViewsPerVisitorPerDay)
                {
                    return Admission.OverVisitorLimit;
                }
                _visitors[visitor] = state with { Views = state.Views + 1 };
                return state.Known ? Admission.KnownVisitor : Admission.UnknownVisitor;
            }
            var brought = _addresses.GetValueOrDefault(address);
            if (brought >= limits.VisitorsPerAddressPerDay)
            {
                return Admission.OverAddressLimit;
            }
            if (_visitors.Count < capacity && _addresses.Count < capacity)
            {
                _visitors[visitor] = (1, false);
                _addresses[address] = brought + 1;
            }
            return Admission.UnknownVisitor;
        }
    }

    /// <summary>The visitor's marker answered: it is known now, with at least <paramref name="viewsToday"/> views today.</summary>
    public void Learn(UtcDay day, string visitor, long viewsToday)
    {
        lock (_gate)
        {
            if (RollTo(day) && (_visitors.TryGetValue(visitor, out var state) || _visitors.Count < capacity))
            {
                _visitors[visitor] = (Math.Max(state.Views, viewsToday), true);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _visitors.Count;
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

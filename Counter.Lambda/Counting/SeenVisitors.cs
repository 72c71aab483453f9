using CloudResume.Contracts.Visits;

namespace CloudResume.Counter.Counting;

/// <summary>
/// Visitor hashes (never IPs) this execution environment already knows are counted today - their marker
/// put succeeded or failed its condition - so their repeat visits skip the marker write. Per UTC day,
/// bounded; forgetting is harmless (the conditional put decides again), remembering wrongly is not possible.
/// </summary>
public sealed class SeenVisitors(int capacity = SeenVisitors.DefaultCapacity)
{
    public const int DefaultCapacity = 10_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _hashes = new(StringComparer.Ordinal);
    private UtcDay _day;

    public bool Contains(UtcDay day, string hash)
    {
        lock (_gate)
        {
            return _day == day && _hashes.Contains(hash);
        }
    }

    public void Add(UtcDay day, string hash)
    {
        lock (_gate)
        {
            if (_day != day)
            {
                if (day.Date < _day.Date)
                {
                    return; // a late request from yesterday must not wipe today
                }
                _hashes.Clear();
                _day = day;
            }
            if (_hashes.Count < capacity)
            {
                _hashes.Add(hash);
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _hashes.Count;
            }
        }
    }
}

namespace CloudResume.Emulator.Gateway;

/// <summary>
/// The stage's DefaultRouteSettings throttle: API Gateway's token bucket (rate = tokens per second,
/// burst = bucket size), one bucket per route as "default route settings" apply to each route.
/// </summary>
public sealed class StageThrottle(double? ratePerSecond, int? burst)
{
    private readonly Dictionary<string, Bucket> _buckets = [];
    private readonly Lock _gate = new();

    public bool IsEnabled => ratePerSecond is > 0 || burst is > 0;

    public bool TryAcquire(string routeKey)
    {
        if (!IsEnabled) return true;
        var rate = ratePerSecond ?? double.MaxValue;
        var size = burst ?? int.MaxValue;
        lock (_gate)
        {
            if (!_buckets.TryGetValue(routeKey, out var bucket))
            {
                _buckets[routeKey] = bucket = new Bucket { Tokens = size, Timestamp = Stopwatch.GetTimestamp() };
            }
            var now = Stopwatch.GetTimestamp();
            bucket.Tokens = Math.Min(size, bucket.Tokens + Stopwatch.GetElapsedTime(bucket.Timestamp, now).TotalSeconds * rate);
            bucket.Timestamp = now;
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket
    {
        public double Tokens;
        public long Timestamp;
    }
}

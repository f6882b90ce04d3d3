namespace MapLang.Sandbox.RateLimits;

/// <summary>SP-API usage plan: a bucket of <c>burst</c> tokens refilled at <c>rate</c> per second (thread-safe).</summary>
public sealed class TokenBucket(double rate, int burst, Func<DateTimeOffset> now)
{
    private readonly object _gate = new();
    private double _tokens = burst;
    private DateTimeOffset _last = now();

    public double Rate { get; } = rate;

    public bool TryTake()
    {
        lock (_gate)
        {
            var t = now();
            _tokens = Math.Min(burst, _tokens + (t - _last).TotalSeconds * Rate);
            _last = t;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}

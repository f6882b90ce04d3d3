namespace MapLang.Sandbox.RateLimits;

/// <summary>BigCommerce-style quota: N requests per fixed window per store (thread-safe).</summary>
public sealed class FixedWindowLimiter(Func<int> quota, Func<TimeSpan> window, Func<DateTimeOffset> now)
{
    private readonly object _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _used;

    public readonly record struct Lease(bool Allowed, int Remaining, int Quota, TimeSpan Window, TimeSpan ResetIn);

    public Lease Acquire()
    {
        lock (_gate)
        {
            var t = now();
            var w = window();
            if (t - _windowStart >= w)
            {
                _windowStart = t;
                _used = 0;
            }
            var q = quota();
            var allowed = _used < q;
            if (allowed) _used++;
            return new Lease(allowed, Math.Max(0, q - _used), q, w, _windowStart + w - t);
        }
    }
}

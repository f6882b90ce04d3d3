using System.Globalization;
using System.Net;

namespace MapLang.Host.Resilience;

/// <summary>
/// Amazon SP-API usage plans: one token bucket per operation (rate per second, burst). The rate is taken from <c>x-amzn-RateLimit-Limit</c>
/// on every reply (it overrides the configured plan); a 429 empties the bucket and blocks the operation for Retry-After when given, so the
/// next call waits for a token instead of walking into another 429. Operations without a known burst run freely until their first 429,
/// then at the announced rate.
/// </summary>
public sealed class OperationRateGate(IReadOnlyDictionary<string, (double Rate, int Burst)>? plans = null, TimeProvider? time = null) : IRateGate
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public async ValueTask WaitAsync(string operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var b = BucketOf(operation);
                var now = _time.GetUtcNow();
                Refill(b, now);
                if (now < b.BlockedUntil) wait = b.BlockedUntil - now;
                else if (b.Tokens >= 1)
                {
                    b.Tokens -= 1;
                    return;
                }
                else wait = TimeSpan.FromSeconds((1 - b.Tokens) / b.Rate);
            }
            await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Observe(string operation, HttpResponseMessage response)
    {
        var rate = response.Headers.TryGetValues("x-amzn-RateLimit-Limit", out var values)
                   && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : (double?)null;
        lock (_gate)
        {
            var b = BucketOf(operation);
            var now = _time.GetUtcNow();
            Refill(b, now);
            if (rate is { } announced) b.Rate = announced;
            if (response.StatusCode != HttpStatusCode.TooManyRequests) return;
            if (double.IsPositiveInfinity(b.Burst)) b.Burst = 1;
            b.Tokens = 0;
            var after = RetryAfter.Of(response) ?? TimeSpan.Zero;
            if (now + after > b.BlockedUntil) b.BlockedUntil = now + after;
        }
    }

    /// <summary>The current rate of an operation (requests per second), for tests and status.</summary>
    public double RateOf(string operation)
    {
        lock (_gate) return BucketOf(operation).Rate;
    }

    private Bucket BucketOf(string operation)
    {
        if (_buckets.TryGetValue(operation, out var b)) return b;
        var known = plans is not null && plans.TryGetValue(operation, out _);
        var plan = known ? plans![operation] : default;
        b = new Bucket
        {
            Rate = known ? plan.Rate : 1,
            Burst = known ? plan.Burst : double.PositiveInfinity,
            At = _time.GetUtcNow(),
        };
        b.Tokens = b.Burst;
        _buckets[operation] = b;
        return b;
    }

    private static void Refill(Bucket b, DateTimeOffset now)
    {
        if (now > b.At && !double.IsPositiveInfinity(b.Burst)) b.Tokens = Math.Min(b.Burst, b.Tokens + (now - b.At).TotalSeconds * b.Rate);
        if (now > b.At) b.At = now;
    }

    private sealed class Bucket
    {
        public double Rate;
        public double Burst;
        public double Tokens;
        public DateTimeOffset At;
        public DateTimeOffset BlockedUntil;
    }
}

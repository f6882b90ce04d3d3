using System.Globalization;

namespace MapLang.Host.Resilience;

/// <summary>
/// BigCommerce's quota: a fixed window (30 s by default) per store, announced on every reply by
/// <c>X-Rate-Limit-Requests-Left</c> and <c>X-Rate-Limit-Time-Reset-Ms</c>. When nothing is left the next call waits for the reset,
/// so the host does not walk into a 429.
/// </summary>
public sealed class WindowRateGate(TimeProvider? time = null) : IRateGate
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private int? _left;
    private DateTimeOffset _resetAt;

    public async ValueTask WaitAsync(string operation, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (now >= _resetAt) _left = null;
            if (_left is null or > 0)
            {
                if (_left is not null) _left--;
                return;
            }
            wait = _resetAt - now;
        }
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    public void Observe(string operation, HttpResponseMessage response)
    {
        var left = Header(response, "X-Rate-Limit-Requests-Left");
        var resetMs = Header(response, "X-Rate-Limit-Time-Reset-Ms");
        if (left is null || resetMs is null) return;
        lock (_gate)
        {
            _left = (int)left.Value;
            _resetAt = _time.GetUtcNow() + TimeSpan.FromMilliseconds(resetMs.Value);
        }
    }

    private static long? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            ? v : null;
}

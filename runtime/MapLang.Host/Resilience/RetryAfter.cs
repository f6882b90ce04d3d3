using System.Globalization;

namespace MapLang.Host.Resilience;

/// <summary>The wait a target asks for: <c>Retry-After</c> (seconds or a date), else BigCommerce's <c>X-Rate-Limit-Time-Reset-Ms</c>.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response)
    {
        if (response is null) return null;
        if (response.Headers.RetryAfter is { } ra)
        {
            if (ra.Delta is { } delta) return delta;
            if (ra.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        if (response.Headers.TryGetValues("X-Rate-Limit-Time-Reset-Ms", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            return TimeSpan.FromMilliseconds(ms);
        return null;
    }
}

namespace MapLang.Host.Runner;

/// <summary>Run-level retries: exponential backoff with jitter, at least what the target asked for (Retry-After).</summary>
public sealed record RetryBackoff(TimeSpan Initial, TimeSpan Max, int MaxAttempts)
{
    public TimeSpan Next(int attempt, TimeSpan? asked)
    {
        var exponential = Initial.TotalMilliseconds * Math.Pow(2, Math.Min(30, Math.Max(0, attempt - 1)));
        var capped = Math.Min(Max.TotalMilliseconds, exponential);
        var jittered = capped * (0.5 + Random.Shared.NextDouble() * 0.5);
        var delay = TimeSpan.FromMilliseconds(jittered);
        return asked is { } a && a > delay ? a : delay;
    }
}

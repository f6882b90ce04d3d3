namespace MapLang.Host.Runner;

/// <summary>How many runs go at once, and how failed runs are retried.</summary>
public sealed record WorkerSettings
{
    public int Concurrency { get; init; } = 8;
    public int MaxAttempts { get; init; } = 25;
    public double InitialBackoffMs { get; init; } = 1000;
    public double MaxBackoffMs { get; init; } = 300_000;
    public double PollMs { get; init; } = 250;

    /// <summary>More webhooks than this being taken in at once is a burst: the workers then start at most <see cref="ConcurrencyDuringBursts"/> runs.</summary>
    public int BurstAbove { get; init; } = 4;

    /// <summary>Runs started at once during a burst of webhooks (at least 1, so runs keep moving under a steady stream).</summary>
    public int ConcurrencyDuringBursts { get; init; } = 1;

    /// <summary>How many runs may go at once while <paramref name="webhooksInFlight"/> webhooks are being taken in.</summary>
    public int ConcurrencyFor(int webhooksInFlight) =>
        webhooksInFlight > BurstAbove ? Math.Min(Concurrency, Math.Max(1, ConcurrencyDuringBursts)) : Concurrency;

    public RetryBackoff Backoff => new(TimeSpan.FromMilliseconds(InitialBackoffMs), TimeSpan.FromMilliseconds(MaxBackoffMs), MaxAttempts);
}

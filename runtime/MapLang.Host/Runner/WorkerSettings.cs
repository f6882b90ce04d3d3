namespace MapLang.Host.Runner;

/// <summary>How many runs go at once, and how failed runs are retried.</summary>
public sealed record WorkerSettings
{
    public int Concurrency { get; init; } = 8;
    public int MaxAttempts { get; init; } = 25;
    public double InitialBackoffMs { get; init; } = 1000;
    public double MaxBackoffMs { get; init; } = 300_000;
    public double PollMs { get; init; } = 250;

    public RetryBackoff Backoff => new(TimeSpan.FromMilliseconds(InitialBackoffMs), TimeSpan.FromMilliseconds(MaxBackoffMs), MaxAttempts);
}

namespace MapLang.Host.Resilience;

/// <summary>Per connection: how long one attempt may take, how safe calls are retried, when the circuit opens.</summary>
public sealed record ResilienceSettings
{
    public double TimeoutSeconds { get; init; } = 30;
    public int Retries { get; init; } = 3;
    public double RetryBaseDelayMs { get; init; } = 200;
    public double RetryMaxDelayMs { get; init; } = 10_000;
    public double BreakerFailureRatio { get; init; } = 0.8;
    public int BreakerMinimumThroughput { get; init; } = 20;
    public double BreakerSamplingSeconds { get; init; } = 10;
    public double BreakerBreakSeconds { get; init; } = 5;
}

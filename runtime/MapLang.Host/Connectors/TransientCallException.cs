namespace MapLang.Host.Connectors;

/// <summary>
/// A call failed in a way that may pass (timeout, 5xx, 429, dropped connection, open circuit). When
/// <see cref="OutcomeUnknown"/> is true the request may have been executed (a write must then be looked up, never
/// blindly repeated). <see cref="RetryAfter"/> is the target's own hint (Retry-After, X-Rate-Limit-Time-Reset-Ms).
/// </summary>
public sealed class TransientCallException(string message, bool outcomeUnknown, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool OutcomeUnknown { get; } = outcomeUnknown;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

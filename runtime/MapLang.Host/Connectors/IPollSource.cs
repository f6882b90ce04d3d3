namespace MapLang.Host.Connectors;

/// <summary>
/// A connector that can be polled by a schedule trigger (<c>orders.since</c>, Amazon's <c>notifications</c> queue). The watermark is the
/// source's own cursor (an ISO 8601 time for the <c>since</c> reads), kept by the host in the store between polls and restarts.
/// </summary>
public interface IPollSource
{
    /// <param name="watermark">The cursor the previous poll returned (never null: the host starts a new flow at its own clock's now).</param>
    /// <param name="parameters">The trigger's fields (<c>on schedule m3 "deliveries.shipped" every 10 { ORTP = "WEB" }</c>): what the poll selects.</param>
    Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken);
}

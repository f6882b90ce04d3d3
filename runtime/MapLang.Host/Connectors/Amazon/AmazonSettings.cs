using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors.Amazon;

/// <summary>
/// An Amazon SP-API connection: the regional endpoint, the Login with Amazon app credentials and refresh token, the seller and
/// marketplace, and (for the ORDER_CHANGE trigger) the queue the notifications are delivered to.
/// </summary>
public sealed record AmazonSettings
{
    public required Uri BaseUri { get; init; }
    public required Uri TokenUri { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public required string RefreshToken { get; init; }
    public required string SellerId { get; init; }
    public required string MarketplaceId { get; init; }
    /// <summary>The notification queue (the sandbox's SQS-like <c>…/_sandbox/amazon/queue/</c>); null when no flow polls notifications.</summary>
    public Uri? QueueUri { get; init; }
    public int QueueVisibilitySeconds { get; init; } = 60;
    public ResilienceSettings Resilience { get; init; } = new();

    /// <summary>The default usage plans (requests per second, burst) of the operations used, from the SP-API models; replies' x-amzn-RateLimit-Limit win.</summary>
    public static readonly IReadOnlyDictionary<string, (double Rate, int Burst)> UsagePlans = new Dictionary<string, (double, int)>(StringComparer.Ordinal)
    {
        ["getOrders"] = (0.0167, 20),
        ["getOrder"] = (0.5, 30),
        ["getOrderItems"] = (0.5, 30),
        ["getOrderAddress"] = (0.5, 30),
        ["getOrderBuyerInfo"] = (0.5, 30),
        ["confirmShipment"] = (2, 10),
        ["getListingsItem"] = (5, 10),
        ["patchListingsItem"] = (5, 5),
    };

    public override string ToString() => $"AmazonSettings {{ BaseUri = {BaseUri}, SellerId = {SellerId}, MarketplaceId = {MarketplaceId} }}";
}

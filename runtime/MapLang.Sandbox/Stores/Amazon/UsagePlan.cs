namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>An SP-API usage plan: requests per second refilled into a bucket of <see cref="Burst"/>.</summary>
public sealed record UsagePlan(double Rate, int Burst)
{
    /// <summary>The default plans published in the stored models' operation descriptions (reference/amazon/README.md).</summary>
    public static readonly IReadOnlyDictionary<string, UsagePlan> Defaults = new Dictionary<string, UsagePlan>(StringComparer.Ordinal)
    {
        ["getOrders"] = new(0.0167, 20),
        ["getOrder"] = new(0.5, 30),
        ["getOrderItems"] = new(0.5, 30),
        ["getOrderAddress"] = new(0.5, 30),
        ["getOrderBuyerInfo"] = new(0.5, 30),
        ["confirmShipment"] = new(2, 10),
        ["searchOrders"] = new(0.0056, 20),
        ["getOrder.2026"] = new(0.5, 30),
        ["getListingsItem"] = new(5, 10),
        ["putListingsItem"] = new(5, 10),
        ["patchListingsItem"] = new(5, 5),
        ["createFeedDocument"] = new(0.5, 15),
        ["createFeed"] = new(0.0083, 15),
        ["getFeed"] = new(2, 15),
        ["cancelFeed"] = new(2, 15),
        ["getFeedDocument"] = new(0.0222, 10),
    };
}

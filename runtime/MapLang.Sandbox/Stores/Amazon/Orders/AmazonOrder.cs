using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>
/// One order as both Orders APIs show it: <see cref="V0"/> (the getOrder payload), its v0 items, address and buyer payloads, and
/// <see cref="V2026"/> (the 2026-01-01 order). Orders seeded from only one API's examples have only that side.
/// </summary>
internal sealed class AmazonOrder
{
    public required string Id { get; init; }
    public JsonObject? V0 { get; set; }
    public List<JsonObject> Items { get; } = [];
    public JsonObject? Address { get; set; }
    public JsonObject? Buyer { get; set; }
    public JsonObject? V2026 { get; set; }
    /// <summary>The confirmShipment bodies received for this order, for inspection.</summary>
    public List<JsonObject> Shipments { get; } = [];
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.Clarity;

/// <summary>
/// ASSUMED Clarity eCommerce store. No public Clarity API, schema or payload exists (reference/clarity/README.md): entities and fields
/// follow the hand-written placeholder schema stdlib/schemas/clarity/clarity.mlschema (SalesOrder, SalesOrderItem, Address, Product,
/// InventoryLevel); Shipment and the status keys are the sandbox's own additions. Replace with the customer's API when it is known.
/// The seed is synthetic: order 1001 of account 10001 (Jane Doe, the M3 example customer) with two example SKUs.
/// </summary>
public sealed class ClaritySimulator
{
    public const string System = "clarity";

    /// <summary>ASSUMED order status keys.</summary>
    public static readonly string[] StatusKeys = ["New", "Processing", "PartiallyShipped", "Shipped", "Completed", "Cancelled", "OnHold"];

    private readonly SandboxClock _clock;

    public ClaritySimulator(ClarityOptions options, SandboxClock clock)
    {
        Options = options;
        _clock = clock;
        Seed();
    }

    public ClarityOptions Options { get; }
    internal object Gate { get; } = new();
    internal SortedDictionary<int, JsonObject> Orders { get; } = [];
    internal SortedDictionary<int, JsonObject> Products { get; } = [];
    internal Dictionary<(string Product, string Location), decimal> Inventory { get; } = [];
    internal SortedDictionary<int, JsonObject> Shipments { get; } = [];
    internal int NextId { get; set; } = 5000;
    internal string Now => _clock.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", global::System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Inventory levels received (PUT Inventory), for inspection.</summary>
    public ConcurrentQueue<InventoryUpdate> InventoryUpdates { get; } = new();

    public sealed record InventoryUpdate(string ProductKey, string LocationKey, decimal Quantity, DateTimeOffset At);

    internal DateTimeOffset UtcNow => _clock.UtcNow;

    public object Counts()
    {
        lock (Gate) return new { orders = Orders.Count, products = Products.Count, shipments = Shipments.Count, inventoryUpdates = InventoryUpdates.Count };
    }

    /// <summary>A copy of a sales order as the API would return it (null when unknown).</summary>
    public JsonObject? Order(int id)
    {
        lock (Gate) return Orders.TryGetValue(id, out var o) ? (JsonObject)o.DeepClone() : null;
    }

    /// <summary>Adds a New order for an account (tests and demos); returns its ID.</summary>
    public int AddOrder(string accountKey, IReadOnlyList<(string Sku, decimal Qty, decimal Price)> lines)
    {
        lock (Gate)
        {
            var id = ++NextId;
            var order = (JsonObject)Orders.Values.First().DeepClone();
            order["ID"] = id;
            order["CustomKey"] = "CL-" + id;
            order["AccountKey"] = accountKey;
            order["StatusKey"] = "New";
            order["CreatedDate"] = Now;
            order["PurchaseOrderNumber"] = null;
            order["SalesItems"] = new JsonArray(lines.Select(l => (JsonNode)Item(++NextId, l.Sku, l.Qty, l.Price)).ToArray());
            Totals(order);
            Orders[id] = order;
            return id;
        }
    }

    private static JsonObject Item(int id, string sku, decimal qty, decimal price) => new()
    {
        ["ID"] = id, ["ProductKey"] = sku, ["Name"] = sku, ["Quantity"] = qty, ["UnitPrice"] = price, ["Total"] = qty * price,
    };

    private static void Totals(JsonObject order)
    {
        var subtotal = order["SalesItems"]!.AsArray().Sum(i => i!["Total"]!.GetValue<decimal>());
        order["SubtotalAmount"] = subtotal;
        order["TotalAmount"] = subtotal + order["ShippingAmount"]!.GetValue<decimal>() + order["TaxAmount"]!.GetValue<decimal>();
    }

    private void Seed()
    {
        var skus = global::MapLang.Sandbox.Seed.ExampleSkus.All.Take(2).ToList();
        var address = new JsonObject
        {
            ["FirstName"] = "Jane", ["LastName"] = "Doe", ["Company"] = null, ["Street1"] = "123 Main Street", ["Street2"] = null, ["Street3"] = null,
            ["City"] = "Springfield", ["RegionCode"] = "IL", ["PostalCode"] = "62701", ["CountryCode"] = "US", ["Phone"] = "+12175550100",
            ["Email"] = "jdoe@example.com",
        };
        var order = new JsonObject
        {
            ["ID"] = 1001, ["CustomKey"] = "CL-1001", ["AccountID"] = 77, ["AccountKey"] = "10001", ["StatusKey"] = "New",
            // A fixed date in the past: a poller that has seen the store before does not take the seeded order for a new one.
            ["CreatedDate"] = "2026-01-15T15:04:05Z",
            ["CurrencyKey"] = "USD", ["SubtotalAmount"] = 0m, ["ShippingAmount"] = 5m, ["TaxAmount"] = 0m, ["TotalAmount"] = 0m,
            ["PurchaseOrderNumber"] = "PO-4711", ["BillingAddress"] = address, ["ShippingAddress"] = address.DeepClone(),
            ["SalesItems"] = new JsonArray(Item(1, skus[0], 2, 10m), Item(2, skus[1], 1, 25m)),
        };
        Totals(order);
        Orders[1001] = order;
        var productId = 100;
        foreach (var sku in global::MapLang.Sandbox.Seed.ExampleSkus.All.Where(s => s.Length <= 40))
        {
            Products[++productId] = new JsonObject { ["ID"] = productId, ["CustomKey"] = sku, ["Name"] = sku, ["IsActive"] = true };
            Inventory[(sku, "MAIN")] = 50;
        }
    }
}

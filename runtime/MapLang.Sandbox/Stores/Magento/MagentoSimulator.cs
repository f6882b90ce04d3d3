using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>
/// Magento 2 / Adobe Commerce state, seeded from reference/magento/examples: order 3 (jdoe@example.com, an M3 customer) and
/// order 4 (a guest e-mail M3 does not know), products, MSI source items, customers. Entities are kept as the JSON Magento returns.
/// </summary>
public sealed class MagentoSimulator
{
    public const string System = "magento";
    private readonly SandboxClock _clock;

    public MagentoSimulator(MagentoOptions options, SandboxClock clock)
    {
        Options = options;
        _clock = clock;
        Seed();
    }

    public MagentoOptions Options { get; }
    internal object Gate { get; } = new();
    internal SortedDictionary<int, JsonObject> Orders { get; } = [];
    internal Dictionary<string, JsonObject> Products { get; } = new(StringComparer.Ordinal);
    internal Dictionary<(string Sku, string Source), JsonObject> SourceItems { get; } = [];
    internal SortedDictionary<int, JsonObject> Customers { get; } = [];
    internal List<JsonObject> Shipments { get; } = [];
    internal List<JsonObject> Invoices { get; } = [];
    internal int NextId { get; set; } = 1000;

    internal string Now => _clock.UtcNow.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public object Counts()
    {
        lock (Gate) return new { orders = Orders.Count, products = Products.Count, customers = Customers.Count, shipments = Shipments.Count, invoices = Invoices.Count };
    }

    /// <summary>A copy of an order as the API would return it (null when unknown).</summary>
    public JsonObject? Order(int id)
    {
        lock (Gate) return Orders.TryGetValue(id, out var o) ? (JsonObject)o.DeepClone() : null;
    }

    /// <summary>Copies of the shipments of an order (with their items and tracks), oldest first.</summary>
    public IReadOnlyList<JsonObject> ShipmentsOf(int orderId)
    {
        lock (Gate) return Shipments.Where(s => s["order_id"]!.GetValue<int>() == orderId).Select(s => (JsonObject)s.DeepClone()).ToList();
    }

    /// <summary>The invoices of one order (copies), with their comments.</summary>
    public IReadOnlyList<JsonObject> InvoicesOf(int orderId)
    {
        lock (Gate) return Invoices.Where(i => i["order_id"]!.GetValue<int>() == orderId).Select(i => (JsonObject)i.DeepClone()).ToList();
    }

    /// <summary>Adds an order like the example with the given buyer and lines (tests and demos create new storefront orders this way).</summary>
    public JsonObject AddOrder(string email, IReadOnlyList<(string Sku, decimal Qty, decimal Price)> lines)
    {
        lock (Gate)
        {
            var order = (JsonObject)EmbeddedReference.ReadJson("reference/magento/examples/order.example.json");
            var id = Orders.Keys.DefaultIfEmpty(0).Max() + 1;
            var itemTemplate = (JsonObject)order["items"]![0]!;
            var items = new JsonArray();
            decimal subtotal = 0;
            foreach (var (sku, qty, price) in lines)
            {
                var item = (JsonObject)itemTemplate.DeepClone();
                item["item_id"] = ++NextId;
                item["order_id"] = id;
                item["sku"] = sku;
                item["name"] = Products.TryGetValue(sku, out var p) ? p["name"]!.GetValue<string>() : sku;
                item["qty_ordered"] = qty;
                foreach (var f in new[] { "price", "base_price", "original_price", "base_original_price", "price_incl_tax", "base_price_incl_tax" }) item[f] = price;
                foreach (var f in new[] { "row_total", "base_row_total", "row_total_incl_tax", "base_row_total_incl_tax" }) item[f] = qty * price;
                item["created_at"] = Now;
                item["updated_at"] = Now;
                subtotal += qty * price;
                items.Add(item);
            }
            order["items"] = items;
            var shipping = order["shipping_amount"]!.GetValue<decimal>();
            Stamp(order, id, email);
            foreach (var f in new[] { "subtotal", "base_subtotal", "subtotal_incl_tax", "base_subtotal_incl_tax" }) order[f] = subtotal;
            foreach (var f in new[] { "grand_total", "base_grand_total", "total_due", "base_total_due" }) order[f] = subtotal + shipping;
            order["total_item_count"] = lines.Count;
            order["total_qty_ordered"] = lines.Sum(l => l.Qty);
            order["customer_is_guest"] = 1;
            order.Remove("customer_id");
            order["created_at"] = Now;
            order["updated_at"] = Now;
            Orders[id] = order;
            return (JsonObject)order.DeepClone();
        }
    }

    private static void Stamp(JsonObject order, int id, string email)
    {
        order["entity_id"] = id;
        order["increment_id"] = id.ToString("000000000", CultureInfo.InvariantCulture);
        order["customer_email"] = email;
        order["billing_address"]!["email"] = email;
        order["billing_address"]!["parent_id"] = id;
        order["payment"]!["parent_id"] = id;
        var assignment = order["extension_attributes"]!["shipping_assignments"]![0]!;
        assignment["shipping"]!["address"]!["email"] = email;
        assignment["shipping"]!["address"]!["parent_id"] = id;
        assignment["items"] = order["items"]!.DeepClone();
    }

    private void Seed()
    {
        var order = (JsonObject)EmbeddedReference.ReadJson("reference/magento/examples/order.example.json");
        Orders[order["entity_id"]!.GetValue<int>()] = order;

        var product = (JsonObject)EmbeddedReference.ReadJson("reference/magento/examples/product.create.response.json");
        Products[product["sku"]!.GetValue<string>()] = product;
        var tee = (JsonObject)product.DeepClone();
        tee["id"] = 1553;
        tee["sku"] = "WS12-M-Orange";
        tee["name"] = "Radiant Tee-M-Orange";
        tee["price"] = 22;
        tee["extension_attributes"]!["stock_item"]!["item_id"] = 1553;
        tee["extension_attributes"]!["stock_item"]!["product_id"] = 1553;
        Products["WS12-M-Orange"] = tee;
        foreach (var sku in Products.Keys)
            SourceItems[(sku, "default")] = new JsonObject { ["sku"] = sku, ["source_code"] = "default", ["quantity"] = 100, ["status"] = 1 };
        foreach (var item in EmbeddedReference.ReadJson("reference/magento/examples/inventory.source-items.list.example.json")["items"]!.AsArray())
            SourceItems[(item!["sku"]!.GetValue<string>(), item["source_code"]!.GetValue<string>())] = (JsonObject)item.DeepClone();

        var customer = (JsonObject)EmbeddedReference.ReadJson("reference/magento/examples/customer.create.response.json");
        Customers[3] = customer;
        customer["id"] = 3;

        // Placed when the reference order was, not at start: a poller that has seen the store before does not take it for a new order.
        var guest = AddOrder("new.buyer@example.com", [("WS12-M-Orange", 2, 22), ("MS-Champ-S", 1, 25)]);
        foreach (var stamp in new[] { "created_at", "updated_at" })
        {
            Orders[guest["entity_id"]!.GetValue<int>()][stamp] = order[stamp]!.DeepClone();
            foreach (var item in Orders[guest["entity_id"]!.GetValue<int>()]["items"]!.AsArray()) item![stamp] = order[stamp]!.DeepClone();
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.RateLimits;

namespace MapLang.Sandbox.Stores.BigCommerce;

/// <summary>
/// BigCommerce store state seeded from reference/bigcommerce/examples: order 218 with the two example products (S-ORAN, ABS) and
/// shipping addresses, catalog products with variants, a customer (janedoe@example.com is not an M3 customer), webhooks.
/// </summary>
public sealed class BigCommerceSimulator
{
    public const string System = "bigcommerce";
    private readonly SandboxClock _clock;

    public BigCommerceSimulator(BigCommerceOptions options, SandboxClock clock)
    {
        Options = options;
        _clock = clock;
        Limiter = new FixedWindowLimiter(() => Options.RateLimitQuota, () => Options.RateLimitWindow, () => _clock.UtcNow);
        Webhooks = new WebhookDispatcher(options, () => _clock.UtcNow);
        Seed();
    }

    public BigCommerceOptions Options { get; }
    public FixedWindowLimiter Limiter { get; }
    public WebhookDispatcher Webhooks { get; }
    internal object Gate { get; } = new();
    internal SortedDictionary<int, JsonObject> Orders { get; } = [];
    internal Dictionary<int, List<JsonObject>> OrderProducts { get; } = [];
    internal Dictionary<int, List<JsonObject>> ShippingAddresses { get; } = [];
    internal Dictionary<int, List<JsonObject>> Shipments { get; } = [];
    internal SortedDictionary<int, JsonObject> Products { get; } = [];
    internal SortedDictionary<int, JsonObject> Variants { get; } = [];
    internal SortedDictionary<int, JsonObject> Customers { get; } = [];
    internal SortedDictionary<int, JsonObject> Hooks { get; } = [];
    internal int NextId { get; set; } = 5000;

    internal string RfcNow => _clock.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
    internal long UnixNow => _clock.UtcNow.ToUnixTimeSeconds();
    internal DateTimeOffset Now => _clock.UtcNow;

    public object Counts()
    {
        lock (Gate) return new { orders = Orders.Count, products = Products.Count, customers = Customers.Count, hooks = Hooks.Count, webhookDeliveries = Webhooks.Deliveries.Count };
    }

    /// <summary>Adds a store order like the example (tests and demos); fires store/order/created.</summary>
    public int AddOrder(string email, IReadOnlyList<(string Sku, int Qty, decimal Price)> lines)
    {
        int id;
        lock (Gate)
        {
            id = Orders.Keys.Max() + 1;
            var order = (JsonObject)Orders.Values.First().DeepClone();
            order["id"] = id;
            order["status_id"] = 11;
            order["status"] = "Awaiting Fulfillment";
            order["custom_status"] = "Awaiting Fulfillment";
            order["date_created"] = RfcNow;
            order["date_modified"] = RfcNow;
            order["billing_address"]!["email"] = email;
            order["items_total"] = lines.Sum(l => l.Qty);
            order["products"]!["url"] = order["products"]!["url"]!.GetValue<string>().Replace("/218/", $"/{id}/", StringComparison.Ordinal);
            order["products"]!["resource"] = $"/orders/{id}/products";
            order["shipping_addresses"]!["resource"] = $"/orders/{id}/shippingaddresses";
            Orders[id] = order;
            var template = OrderProducts.Values.First()[0];
            OrderProducts[id] = lines.Select(l =>
            {
                var p = (JsonObject)template.DeepClone();
                p["id"] = ++NextId;
                p["order_id"] = id;
                p["sku"] = l.Sku;
                p["quantity"] = l.Qty;
                p["quantity_shipped"] = 0;
                p["base_price"] = l.Price.ToString("0.0000", CultureInfo.InvariantCulture);
                p["price_ex_tax"] = p["base_price"]!.DeepClone();
                p["product_options"] = new JsonArray();
                return p;
            }).ToList();
            ShippingAddresses[id] = ShippingAddresses.Values.First().Take(1).Select(a =>
            {
                var c = (JsonObject)a.DeepClone();
                c["order_id"] = id;
                c["email"] = email;
                return c;
            }).ToList();
        }
        Webhooks.Publish(this, "store/order/created", new JsonObject { ["type"] = "order", ["id"] = id });
        return id;
    }

    private void Seed()
    {
        var order = (JsonObject)EmbeddedReference.ReadJson("reference/bigcommerce/examples/order.example.json");
        var id = order["id"]!.GetValue<int>();
        Orders[id] = order;
        OrderProducts[id] = EmbeddedReference.ReadJson("reference/bigcommerce/examples/order-products.list.example.json").AsArray()
            .Select(p => { var o = (JsonObject)p!.DeepClone(); o["order_id"] = id; return o; }).ToList();
        var addresses = EmbeddedReference.ReadJson("reference/bigcommerce/examples/order-shipping-addresses.list.example.json").AsArray()
            .Select(p => { var o = (JsonObject)p!.DeepClone(); o["order_id"] = id; return o; }).ToList();
        ShippingAddresses[id] = addresses;
        Shipments[id] = [];

        var product = (JsonObject)EmbeddedReference.ReadJson("reference/bigcommerce/examples/product.example.json")["data"]!;
        var variant = (JsonObject)EmbeddedReference.ReadJson("reference/bigcommerce/examples/product-variant.example.json")["data"]!;
        foreach (var line in OrderProducts[id])
        {
            var p = (JsonObject)product.DeepClone();
            var pid = line["product_id"]!.GetValue<int>();
            p["id"] = pid;
            p["name"] = line["name"]!.DeepClone();
            p["sku"] = line["sku"]!.DeepClone();
            p["inventory_tracking"] = "product";
            p["inventory_level"] = 50;
            var v = (JsonObject)variant.DeepClone();
            v["id"] = pid * 10;
            v["product_id"] = pid;
            v["sku"] = line["sku"]!.DeepClone();
            v["inventory_level"] = 50;
            p["base_variant_id"] = pid * 10;
            Products[pid] = p;
            Variants[pid * 10] = v;
        }
        var customer = (JsonObject)EmbeddedReference.ReadJson("reference/bigcommerce/examples/customers.list.example.json")["data"]![0]!.DeepClone();
        customer["id"] = 11;
        customer["email"] = "janedoe@example.com";
        Customers[11] = customer;
    }
}

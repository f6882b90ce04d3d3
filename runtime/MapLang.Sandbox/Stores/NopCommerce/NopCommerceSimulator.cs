using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>
/// nopCommerce store behind the official Web API plugin (backend), seeded from the SevenSpikes plugin examples in
/// reference/nopcommerce/examples (their values, in the Web API's DTO shapes): order 5 (Complete/Paid/Delivered, customer 6 Victoria Terces,
/// product 30 LV_511_JN), an open order 6 (Processing/Paid/NotYetShipped), products 2 and 30, customers 1 (admin) and 6.
/// </summary>
public sealed class NopCommerceSimulator
{
    public const string System = "nopcommerce";
    private readonly SandboxClock _clock;

    public NopCommerceSimulator(NopCommerceOptions options, SandboxClock clock)
    {
        Options = options;
        _clock = clock;
        Seed();
    }

    public NopCommerceOptions Options { get; }
    internal object Gate { get; } = new();
    internal SortedDictionary<int, JsonObject> Orders { get; } = [];
    internal SortedDictionary<int, JsonObject> OrderItems { get; } = [];
    internal SortedDictionary<int, JsonObject> Addresses { get; } = [];
    internal SortedDictionary<int, JsonObject> Customers { get; } = [];
    internal SortedDictionary<int, JsonObject> Products { get; } = [];
    internal SortedDictionary<int, JsonObject> Shipments { get; } = [];
    internal SortedDictionary<int, JsonObject> ShipmentItems { get; } = [];
    internal int NextId { get; set; } = 100;
    internal DateTimeOffset Now => _clock.UtcNow;

    /// <summary>Stock changes received over the API (Product/AdjustInventory and Product/Update), for inspection.</summary>
    public ConcurrentQueue<StockUpdate> StockUpdates { get; } = new();

    public sealed record StockUpdate(int ProductId, string Sku, int Before, int After, string Operation, DateTimeOffset At);

    public object Counts()
    {
        lock (Gate)
            return new
            {
                orders = Orders.Count, products = Products.Count, customers = Customers.Count, shipments = Shipments.Count,
                shipped = Shipments.Values.Count(s => s["shipped_date_utc"] is not null), stockUpdates = StockUpdates.Count,
            };
    }

    internal JsonObject Shape(string schema, JsonObject source) => NopSpec.Shape(schema, source, Now);

    /// <summary>Adds an order placed and paid in the store (Processing/Paid/NotYetShipped) for customer 6 (tests and demos); returns its id.</summary>
    public int AddOrder(string email, IReadOnlyList<(string Sku, int Qty, decimal Price)> lines)
    {
        lock (Gate)
        {
            var template = Orders[6];
            var id = ++NextId;
            var order = (JsonObject)template.DeepClone();
            var billing = (JsonObject)Addresses[template["billing_address_id"]!.GetValue<int>()].DeepClone();
            billing["id"] = ++NextId;
            billing["email"] = email;
            Addresses[billing["id"]!.GetValue<int>()] = billing;
            order["id"] = id;
            order["order_guid"] = Guid.NewGuid().ToString();
            order["custom_order_number"] = id.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
            order["billing_address_id"] = billing["id"]!.DeepClone();
            order["created_on_utc"] = NopSpec.Date(Now);
            order["paid_date_utc"] = NopSpec.Date(Now);
            var total = lines.Sum(l => l.Qty * l.Price);
            foreach (var f in new[] { "order_subtotal_incl_tax", "order_subtotal_excl_tax", "order_total" }) order[f] = total;
            Orders[id] = order;
            foreach (var (sku, qty, price) in lines)
            {
                var product = Products.Values.FirstOrDefault(p => p["sku"]?.GetValue<string>() == sku) ?? AddProduct(sku);
                AddItem(id, product["id"]!.GetValue<int>(), qty, price);
            }
            return id;
        }
    }

    private JsonObject AddProduct(string sku)
    {
        var product = (JsonObject)Products[30].DeepClone();
        product["id"] = ++NextId;
        product["sku"] = sku;
        product["name"] = sku;
        product["stock_quantity"] = 100;
        Products[product["id"]!.GetValue<int>()] = product;
        return product;
    }

    private void AddItem(int orderId, int productId, int qty, decimal price)
    {
        var id = ++NextId;
        OrderItems[id] = Shape("OrderItemDto", new JsonObject
        {
            ["id"] = id, ["order_id"] = orderId, ["product_id"] = productId, ["quantity"] = qty,
            ["unit_price_incl_tax"] = price, ["unit_price_excl_tax"] = price, ["price_incl_tax"] = qty * price, ["price_excl_tax"] = qty * price,
            ["attribute_description"] = "",
        });
    }

    private void Seed()
    {
        var example = (JsonObject)EmbeddedReference.ReadJson("reference/nopcommerce/examples/plugin-api.orders.by-customer.example.json")["orders"]![0]!;
        foreach (var a in new[] { example["billing_address"], example["shipping_address"] })
            Addresses[int.Parse(a!["id"]!.GetValue<string>())] = Shape("AddressDto", (JsonObject)a);
        var customer = Shape("CustomerDto", (JsonObject)example["customer"]!);
        customer["billing_address_id"] = 18;
        customer["shipping_address_id"] = 19;
        Customers[6] = customer;

        var admin = (JsonObject)EmbeddedReference.ReadJson("reference/nopcommerce/examples/plugin-api.customer.example.json")["customers"]![0]!;
        var adminAddress = Shape("AddressDto", (JsonObject)admin["billing_address"]!);
        Addresses[adminAddress["id"]!.GetValue<int>()] = adminAddress;
        var adminCustomer = Shape("CustomerDto", admin);
        adminCustomer["billing_address_id"] = adminAddress["id"]!.DeepClone();
        adminCustomer["shipping_address_id"] = adminAddress["id"]!.DeepClone();
        Customers[adminCustomer["id"]!.GetValue<int>()] = adminCustomer;

        foreach (var p in new[]
        {
            (JsonObject)example["order_items"]![0]!["product"]!,
            (JsonObject)EmbeddedReference.ReadJson("reference/nopcommerce/examples/plugin-api.product.example.json")["products"]![0]!,
        })
        {
            var product = Shape("ProductDto", p);
            product["product_type_id"] = 5; // SimpleProduct
            product["manage_inventory_method_id"] = 1; // ManageStock
            Products[product["id"]!.GetValue<int>()] = product;
        }

        var order = Shape("OrderDto", example);
        order["order_status_id"] = NopStatuses.IdOf(NopStatuses.Order, example["order_status"]?.GetValue<string>());
        order["payment_status_id"] = NopStatuses.IdOf(NopStatuses.Payment, example["payment_status"]?.GetValue<string>());
        order["shipping_status_id"] = NopStatuses.IdOf(NopStatuses.Shipping, example["shipping_status"]?.GetValue<string>());
        order["billing_address_id"] = 18;
        order["shipping_address_id"] = 19;
        order["custom_order_number"] = "5";
        Orders[5] = order;
        var line = Shape("OrderItemDto", (JsonObject)example["order_items"]![0]!);
        line["id"] = 1;
        line["order_id"] = 5;
        OrderItems[1] = line;

        var open = (JsonObject)order.DeepClone();
        open["id"] = 6;
        open["order_guid"] = Guid.NewGuid().ToString();
        open["custom_order_number"] = "6";
        open["order_status_id"] = NopStatuses.Processing;
        open["payment_status_id"] = NopStatuses.Paid;
        open["shipping_status_id"] = NopStatuses.NotYetShipped;
        // A fixed date in the past: a poller that has seen the store before does not take the seeded order for a new one.
        var placed = new DateTimeOffset(2026, 1, 15, 14, 4, 5, TimeSpan.Zero);
        open["created_on_utc"] = NopSpec.Date(placed);
        open["paid_date_utc"] = NopSpec.Date(placed);
        var openTotal = 43.5m * 2 + Products[2]["price"]!.GetValue<decimal>();
        foreach (var f in new[] { "order_subtotal_incl_tax", "order_subtotal_excl_tax", "order_total" }) open[f] = openTotal;
        Orders[6] = open;
        AddItem(6, 30, 2, 43.5m);
        AddItem(6, 2, 1, Products[2]["price"]!.GetValue<decimal>());
    }
}

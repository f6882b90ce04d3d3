using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Seed;

/// <summary>A store order placed from a reference sample: which store, its id there, the buyer and the lines.</summary>
public sealed record SampleOrder(string Store, string OrderId, string Email, IReadOnlyList<SampleLine> Lines, string Source);

public sealed record SampleLine(string Sku, decimal Quantity, decimal Price);

/// <summary>
/// The storefront sample orders of reference/ placed again as new orders in the store simulators, each the way the store announces
/// it: Magento, nopCommerce and Clarity orders wait to be polled, BigCommerce fires <c>store/order/created</c>, Amazon publishes
/// ORDER_CHANGE. Ids follow the simulators' counters, so a fresh sandbox places the same orders under the same ids every time.
/// </summary>
public static class SampleOrders
{
    public static IReadOnlyList<SampleOrder> Place(SandboxHost sandbox) =>
        [Magento(sandbox), BigCommerce(sandbox), NopCommerce(sandbox), Amazon(sandbox), Clarity(sandbox)];

    private static SampleOrder Magento(SandboxHost sandbox)
    {
        const string source = "reference/magento/examples/order.example.json";
        var order = EmbeddedReference.ReadJson(source)!;
        var lines = order["items"]!.AsArray().OfType<JsonObject>().Where(i => i["parent_item_id"] is null)
            .Select(i => new SampleLine(Text(i["sku"]), Number(i["qty_ordered"]), Number(i["price"]))).ToList();
        var email = Text(order["customer_email"]);
        var placed = sandbox.Magento.AddOrder(email, lines.Select(l => (l.Sku, l.Quantity, l.Price)).ToList());
        return new SampleOrder("magento", Text(placed["increment_id"]), email, lines, source);
    }

    private static SampleOrder BigCommerce(SandboxHost sandbox)
    {
        const string source = "reference/bigcommerce/examples/order-products.list.example.json";
        var email = Text(EmbeddedReference.ReadJson("reference/bigcommerce/examples/order.example.json")!["billing_address"]!["email"]);
        // Child products (options of a bundle, parent_order_product_id set) are not separate lines.
        var lines = EmbeddedReference.ReadJson(source)!.AsArray().OfType<JsonObject>().Where(p => p["parent_order_product_id"] is null)
            .Select(p => new SampleLine(Text(p["sku"]), Number(p["quantity"]), Number(p["base_price"]))).ToList();
        var id = sandbox.BigCommerce.AddOrder(email, lines.Select(l => (l.Sku, (int)l.Quantity, l.Price)).ToList());
        return new SampleOrder("bigcommerce", Id(id), email, lines, source);
    }

    private static SampleOrder NopCommerce(SandboxHost sandbox)
    {
        const string source = "reference/nopcommerce/examples/plugin-api.orders.by-customer.example.json";
        var order = EmbeddedReference.ReadJson(source)!["orders"]![0]!;
        var email = Text(order["customer"]?["email"] ?? order["billing_address"]!["email"]);
        var lines = order["order_items"]!.AsArray().OfType<JsonObject>()
            .Select(i => new SampleLine(Text(i["product"]!["sku"]), Number(i["quantity"]), Number(i["unit_price_excl_tax"]))).ToList();
        var id = sandbox.NopCommerce.AddOrder(email, lines.Select(l => (l.Sku, (int)l.Quantity, l.Price)).ToList());
        return new SampleOrder("nopcommerce", Id(id), email, lines, source);
    }

    private static SampleOrder Amazon(SandboxHost sandbox)
    {
        const string source = "reference/amazon/examples/orders-v0.getOrderItems.response.example.json";
        // ItemPrice is the line total (unit price × quantity).
        var lines = EmbeddedReference.ReadJson(source)!["payload"]!["OrderItems"]!.AsArray().OfType<JsonObject>()
            .Select(i => (Sku: Text(i["SellerSKU"]), Quantity: Number(i["QuantityOrdered"]), Total: Number(i["ItemPrice"]?["Amount"])))
            .Select(i => new SampleLine(i.Sku, i.Quantity, i.Quantity == 0 ? 0 : Math.Round(i.Total / i.Quantity, 2))).ToList();
        var id = sandbox.Amazon.AddOrder(lines.Select(l => (l.Sku, (int)l.Quantity, l.Price)).ToList());
        return new SampleOrder("amazon", id, "", lines, source);
    }

    private static SampleOrder Clarity(SandboxHost sandbox)
    {
        // Clarity's API is an assumption (no public reference): its sample is the simulator's seeded B2B order, whose account is
        // linked to M3 customer 10001.
        var seeded = sandbox.Clarity.Order(1001) ?? throw new InvalidOperationException("The Clarity simulator has no seeded order 1001.");
        var lines = seeded["SalesItems"]!.AsArray().OfType<JsonObject>()
            .Select(i => new SampleLine(Text(i["ProductKey"]), Number(i["Quantity"]), Number(i["UnitPrice"]))).ToList();
        var id = sandbox.Clarity.AddOrder(Text(seeded["AccountKey"]), lines.Select(l => (l.Sku, l.Quantity, l.Price)).ToList());
        return new SampleOrder("clarity", Id(id), Text(seeded["BillingAddress"]!["Email"]), lines, "the Clarity simulator's seeded order 1001 (assumed API)");
    }

    private static string Text(JsonNode? node) => node?.ToString() ?? "";

    private static decimal Number(JsonNode? node) =>
        node is null ? 0 : decimal.Parse(node.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

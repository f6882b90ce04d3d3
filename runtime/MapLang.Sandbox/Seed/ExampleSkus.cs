using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.Seed;

/// <summary>The SKUs of the storefront example orders the store simulators are seeded with; M3 has an item for each.</summary>
public static class ExampleSkus
{
    public static readonly string[] OrderFiles =
    [
        "reference/magento/examples/order.example.json",
        "reference/magento/examples/product.create.response.json",
        "reference/bigcommerce/examples/order-products.list.example.json",
        "reference/bigcommerce/examples/order-product.variant.example.json",
        "reference/nopcommerce/examples/plugin-api.orders.by-customer.example.json",
        "reference/amazon/examples/orders-v0.getOrderItems.response.example.json",
        "reference/amazon/examples/orders-v0.getOrderItems.sandbox.1-TEST-CASE-200.response.json",
        "reference/amazon/examples/orders-2026.getOrder.response.example.json",
        "reference/amazon/examples/orders-2026.getOrder.sandbox.1.response.json",
        "reference/amazon/examples/orders-2026.getOrder.sandbox.2.response.json",
        "reference/amazon/examples/orders-2026.getOrder.sandbox.3.response.json",
        "reference/amazon/examples/orders-2026.searchOrders.response.example.json",
        "reference/amazon/examples/orders-2026.searchOrders.sandbox.1.response.json",
        "reference/amazon/examples/orders-2026.searchOrders.sandbox.2.response.json",
        "reference/amazon/examples/orders-2026.searchOrders.sandbox.3.response.json",
    ];

    private static readonly HashSet<string> SkuKeys = new(StringComparer.Ordinal) { "sku", "SellerSKU", "sellerSku" };

    public static IReadOnlyList<string> All { get; } = OrderFiles
        .SelectMany(f => Find(EmbeddedReference.ReadJson(f)))
        .Where(s => s.Length > 0 && s != "string")
        .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Find(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (SkuKeys.Contains(key) && value is JsonValue v && v.TryGetValue<string>(out var s)) yield return s;
                    foreach (var inner in Find(value)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                foreach (var inner in Find(item)) yield return inner;
                break;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.Stores.Amazon.Listings;
using MapLang.Sandbox.Stores.Amazon.Orders;

namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>
/// Seeds the simulator from the examples: every Orders v0 order of the getOrders/getOrder examples (with the example items, address and
/// buyer payloads where one exists for that order, copies of the TEST_CASE_200 ones otherwise), every Orders 2026-01-01 example order,
/// the getListingsItem example listing and one listing (quantity 100) per SKU of the example orders.
/// </summary>
internal static class AmazonSeed
{
    private const string Dir = "reference/amazon/examples/";

    private static JsonObject Payload(string file) => (JsonObject)EmbeddedReference.ReadJson(Dir + file)["payload"]!;

    public static void Apply(AmazonSimulator amazon)
    {
        AmazonOrder Order(string id)
        {
            if (!amazon.Orders.TryGetValue(id, out var order)) amazon.Orders[id] = order = new AmazonOrder { Id = id };
            return order;
        }

        foreach (var file in new[] { "orders-v0.getOrders.sandbox.1-TEST-CASE-200.response.json", "orders-v0.getOrders.sandbox.2-TEST-CASE-200-NEXT-TOKEN.response.json", "orders-v0.getOrders.sandbox.3-TEST-CASE-200-NEXT-TOKEN.response.json" })
            foreach (var o in Payload(file)["Orders"]!.AsArray().OfType<JsonObject>())
                Order(o["AmazonOrderId"]!.GetValue<string>()).V0 = (JsonObject)o.DeepClone();
        foreach (var file in new[] { "orders-v0.getOrder.response.example.json", "orders-v0.getOrder.sandbox.1-TEST-CASE-200.response.json", "orders-v0.getOrder.sandbox.2-TEST-CASE-IBA-200.response.json" })
        {
            var o = Payload(file);
            Order(o["AmazonOrderId"]!.GetValue<string>()).V0 = (JsonObject)o.DeepClone();
        }
        foreach (var file in new[] { "orders-v0.getOrderItems.sandbox.1-TEST-CASE-200.response.json", "orders-v0.getOrderItems.response.example.json" })
        {
            var p = Payload(file);
            var order = Order(p["AmazonOrderId"]!.GetValue<string>());
            order.V0 ??= WithId(TemplateV0(), "AmazonOrderId", order.Id);
            order.Items.AddRange(p["OrderItems"]!.AsArray().OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()));
        }
        foreach (var file in new[] { "orders-v0.getOrderAddress.sandbox.1-TEST-CASE-200.response.json", "orders-v0.getOrderAddress.response.example.json" })
        {
            var p = Payload(file);
            if (amazon.Orders.TryGetValue(p["AmazonOrderId"]!.GetValue<string>(), out var order)) order.Address = (JsonObject)p.DeepClone();
        }
        foreach (var file in new[] { "orders-v0.getOrderBuyerInfo.sandbox.1-TEST-CASE-200.response.json", "orders-v0.getOrderBuyerInfo.response.example.json" })
        {
            var p = Payload(file);
            if (amazon.Orders.TryGetValue(p["AmazonOrderId"]!.GetValue<string>(), out var order)) order.Buyer = (JsonObject)p.DeepClone();
        }
        var counter = 1;
        foreach (var order in amazon.Orders.Values.Where(o => o.V0 is not null))
        {
            if (order.Items.Count == 0)
                order.Items.AddRange(TemplateItems().Select(i => WithId(i, "OrderItemId", (40000000000000L + counter++).ToString(CultureInfo.InvariantCulture))));
            order.Address ??= WithId(Payload("orders-v0.getOrderAddress.sandbox.1-TEST-CASE-200.response.json"), "AmazonOrderId", order.Id);
            order.Buyer ??= WithId(Payload("orders-v0.getOrderBuyerInfo.sandbox.1-TEST-CASE-200.response.json"), "AmazonOrderId", order.Id);
        }

        foreach (var file in new[] { "orders-2026.getOrder.response.example.json", "orders-2026.getOrder.sandbox.1.response.json", "orders-2026.getOrder.sandbox.2.response.json", "orders-2026.getOrder.sandbox.3.response.json" })
        {
            var o = (JsonObject)EmbeddedReference.ReadJson(Dir + file)["order"]!.DeepClone();
            Order(o["orderId"]!.GetValue<string>()).V2026 = o;
        }
        foreach (var file in new[] { "orders-2026.searchOrders.response.example.json", "orders-2026.searchOrders.sandbox.1.response.json", "orders-2026.searchOrders.sandbox.2.response.json", "orders-2026.searchOrders.sandbox.3.response.json" })
            foreach (var o in EmbeddedReference.ReadJson(Dir + file)["orders"]!.AsArray().OfType<JsonObject>())
                Order(o["orderId"]!.GetValue<string>()).V2026 ??= (JsonObject)o.DeepClone();

        var example = (JsonObject)EmbeddedReference.ReadJson(Dir + "listings.getListingsItem.response.example.json");
        amazon.Listings[example["sku"]!.GetValue<string>()] = Listing.FromExample(example, amazon.Options.MarketplaceId);
        var skus = amazon.Orders.Values.SelectMany(o => o.Items.Select(i => i["SellerSKU"]?.GetValue<string>())
            .Concat(o.V2026?["orderItems"]?.AsArray().Select(i => i?["product"]?["sellerSku"]?.GetValue<string>()) ?? []));
        foreach (var sku in skus.OfType<string>().Where(s => s.Length > 0).Distinct())
            amazon.Listings.TryAdd(sku, Listing.Create(sku, 100, amazon.Options.MarketplaceId, Iso(amazon.Now)));
    }

    /// <summary>A new Unshipped MFN order built from the TEST_CASE_200 templates (v0) and the US 2026 sandbox order (2026).</summary>
    public static AmazonOrder NewOrder(AmazonSimulator amazon, string id, IReadOnlyList<(string Sku, int Qty, decimal Price)> lines)
    {
        var now = Iso(amazon.Now);
        var order = new AmazonOrder { Id = id };
        var v0 = WithId(TemplateV0(), "AmazonOrderId", id);
        v0["PurchaseDate"] = now;
        v0["LastUpdateDate"] = now;
        v0["OrderStatus"] = "Unshipped";
        v0["MarketplaceId"] = amazon.Options.MarketplaceId;
        v0["NumberOfItemsShipped"] = 0;
        v0["NumberOfItemsUnshipped"] = lines.Sum(l => l.Qty);
        v0["OrderTotal"] = Money(lines.Sum(l => l.Qty * l.Price));
        order.V0 = v0;
        var n = 0;
        foreach (var (sku, qty, price) in lines)
        {
            var item = WithId(TemplateItems()[0], "OrderItemId", $"{id.Replace("-", "", StringComparison.Ordinal)[..12]}{++n:00}");
            item["SellerSKU"] = sku;
            item["ASIN"] = amazon.Listings.TryGetValue(sku, out var listing) ? listing.Asin : "B0" + sku.GetHashCode().ToString("X8", CultureInfo.InvariantCulture);
            item["Title"] = sku;
            item["QuantityOrdered"] = qty;
            item["QuantityShipped"] = 0;
            item["ItemPrice"] = Money(qty * price);
            item["ItemTax"] = Money(0);
            item.Remove("BuyerRequestedCancel");
            order.Items.Add(item);
        }
        order.Address = WithId(Payload("orders-v0.getOrderAddress.sandbox.1-TEST-CASE-200.response.json"), "AmazonOrderId", id);
        order.Buyer = WithId(Payload("orders-v0.getOrderBuyerInfo.sandbox.1-TEST-CASE-200.response.json"), "AmazonOrderId", id);
        order.V2026 = New2026(amazon, order, now);
        return order;
    }

    private static JsonObject New2026(AmazonSimulator amazon, AmazonOrder order, string now)
    {
        var o = (JsonObject)EmbeddedReference.ReadJson(Dir + "orders-2026.getOrder.sandbox.3.response.json")["order"]!.DeepClone();
        o["orderId"] = order.Id;
        o["programs"] = new JsonArray();
        o["createdTime"] = now;
        o["lastUpdatedTime"] = now;
        o["salesChannel"] = new JsonObject { ["channelName"] = "AMAZON", ["marketplaceId"] = amazon.Options.MarketplaceId, ["marketplaceName"] = "Amazon.com" };
        o["proceeds"]!["grandTotal"] = Money2026(order.V0!["OrderTotal"]!["Amount"]!.GetValue<string>());
        var template = (JsonObject)o["orderItems"]![0]!;
        o["orderItems"] = new JsonArray(order.Items.Select(i =>
        {
            var item = (JsonObject)template.DeepClone();
            item["orderItemId"] = i["OrderItemId"]!.DeepClone();
            item["quantityOrdered"] = i["QuantityOrdered"]!.DeepClone();
            item["product"]!["asin"] = i["ASIN"]!.DeepClone();
            item["product"]!["title"] = i["Title"]!.DeepClone();
            item["product"]!["sellerSku"] = i["SellerSKU"]!.DeepClone();
            item["product"]!["price"]!["unitPrice"] = Money2026(i["ItemPrice"]!["Amount"]!.GetValue<string>());
            var amount = i["ItemPrice"]!["Amount"]!.GetValue<string>();
            item["proceeds"] = new JsonObject
            {
                ["proceedsTotal"] = Money2026(amount),
                ["breakdowns"] = new JsonArray(new JsonObject { ["type"] = "ITEM", ["subtotal"] = Money2026(amount) }),
            };
            item.Remove("associatedOrderItems");
            item["fulfillment"] = new JsonObject { ["quantityFulfilled"] = 0, ["quantityUnfulfilled"] = i["QuantityOrdered"]!.DeepClone() };
            return (JsonNode)item;
        }).ToArray());
        return o;
    }

    internal static string Iso(DateTimeOffset t) => AmazonSimulator.Iso(t);

    internal static JsonObject Money(decimal amount) =>
        new() { ["CurrencyCode"] = "USD", ["Amount"] = amount.ToString("0.00", CultureInfo.InvariantCulture) };

    private static JsonObject Money2026(string amount) => new() { ["amount"] = amount, ["currencyCode"] = "USD" };

    private static JsonObject TemplateV0() => (JsonObject)Payload("orders-v0.getOrder.sandbox.1-TEST-CASE-200.response.json").DeepClone();

    private static List<JsonObject> TemplateItems() =>
        Payload("orders-v0.getOrderItems.sandbox.1-TEST-CASE-200.response.json")["OrderItems"]!.AsArray().OfType<JsonObject>().Select(i => (JsonObject)i.DeepClone()).ToList();

    private static JsonObject WithId(JsonObject source, string key, string id)
    {
        var copy = (JsonObject)source.DeepClone();
        copy[key] = id;
        return copy;
    }
}

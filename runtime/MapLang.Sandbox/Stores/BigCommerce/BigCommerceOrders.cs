using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.BigCommerce;

/// <summary>v2 orders: list with filters, status update, shipments.</summary>
internal static class BigCommerceOrders
{
    private static readonly Dictionary<int, string> Statuses = new()
    {
        [0] = "Incomplete", [1] = "Pending", [2] = "Shipped", [3] = "Partially Shipped", [4] = "Refunded", [5] = "Cancelled", [6] = "Declined",
        [7] = "Awaiting Payment", [8] = "Awaiting Pickup", [9] = "Awaiting Shipment", [10] = "Completed", [11] = "Awaiting Fulfillment",
        [12] = "Manual Verification Required", [13] = "Disputed", [14] = "Partially Refunded",
    };

    /// <summary>Filters: min_id, max_id, status_id, email, min_date_modified/min_date_created (RFC 2822 or ISO 8601); page, limit; sort=id:desc. Empty → 204.</summary>
    public static IResult List(BigCommerceSimulator bc, IQueryCollection q)
    {
        lock (bc.Gate)
        {
            IEnumerable<JsonObject> hits = bc.Orders.Values;
            if (Int(q, "min_id") is { } min) hits = hits.Where(o => o["id"]!.GetValue<int>() >= min);
            if (Int(q, "max_id") is { } max) hits = hits.Where(o => o["id"]!.GetValue<int>() <= max);
            if (Int(q, "status_id") is { } status) hits = hits.Where(o => o["status_id"]!.GetValue<int>() == status);
            if (q["email"].ToString() is { Length: > 0 } email) hits = hits.Where(o => string.Equals(o["billing_address"]?["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
            if (Date(q, "min_date_modified") is { } since) hits = hits.Where(o => Date(o["date_modified"]!.GetValue<string>()) >= since);
            if (Date(q, "min_date_created") is { } created) hits = hits.Where(o => Date(o["date_created"]!.GetValue<string>()) >= created);
            if (q["sort"].ToString().EndsWith(":desc", StringComparison.OrdinalIgnoreCase)) hits = hits.Reverse();
            var limit = Math.Clamp(Int(q, "limit") ?? 50, 1, 250);
            var page = hits.Skip(((Int(q, "page") ?? 1) - 1) * limit).Take(limit).ToList();
            return page.Count == 0 ? Results.NoContent() : Results.Json(BigCommerceEndpoints.Array(page));
        }
    }

    public static IResult Update(BigCommerceSimulator bc, int id, JsonObject? body)
    {
        int previous, next;
        lock (bc.Gate)
        {
            if (!bc.Orders.TryGetValue(id, out var order)) return BigCommerceEndpoints.Error(false, 404, "The requested resource was not found.");
            if (body is null) return BigCommerceEndpoints.Error(false, 400, "The request body is not valid JSON.");
            previous = order["status_id"]!.GetValue<int>();
            next = previous;
            if (body["status_id"] is JsonValue v)
            {
                next = v.GetValue<int>();
                if (!Statuses.TryGetValue(next, out var name)) return BigCommerceEndpoints.Error(false, 400, "The field 'status_id' is invalid.");
                order["status_id"] = next;
                order["status"] = name;
                order["custom_status"] = name;
            }
            foreach (var f in new[] { "staff_notes", "customer_message", "external_id" })
                if (body.ContainsKey(f)) order[f] = body[f]?.DeepClone();
            order["date_modified"] = bc.RfcNow;
        }
        bc.Webhooks.Publish(bc, "store/order/updated", new JsonObject { ["type"] = "order", ["id"] = id });
        if (next != previous)
            bc.Webhooks.Publish(bc, "store/order/statusUpdated", new JsonObject
            {
                ["type"] = "order", ["id"] = id, ["status"] = new JsonObject { ["previous_status_id"] = previous, ["new_status_id"] = next },
            });
        return BigCommerceEndpoints.WithOrder(bc, id, o => Results.Json(o.DeepClone()));
    }

    /// <summary>POST /v2/orders/{id}/shipments: order_address_id, tracking_number, shipping_provider, items[{order_product_id, quantity}].</summary>
    public static IResult Ship(BigCommerceSimulator bc, int id, JsonObject? body)
    {
        JsonObject shipment;
        lock (bc.Gate)
        {
            if (!bc.Orders.TryGetValue(id, out var order)) return BigCommerceEndpoints.Error(false, 404, "The requested resource was not found.");
            var products = bc.OrderProducts[id];
            var items = (body?["items"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
            var addressId = body?["order_address_id"]?.GetValue<int>();
            if (items.Count == 0 || addressId is null || bc.ShippingAddresses[id].All(a => a["id"]!.GetValue<int>() != addressId))
                return BigCommerceEndpoints.Error(false, 400, "The field 'order_address_id' or 'items' is invalid.");
            foreach (var item in items)
            {
                var product = products.FirstOrDefault(p => p["id"]!.GetValue<int>() == item["order_product_id"]?.GetValue<int>());
                var qty = item["quantity"]?.GetValue<int>() ?? 0;
                if (product is null || qty <= 0 || qty > product["quantity"]!.GetValue<int>() - product["quantity_shipped"]!.GetValue<int>())
                    return BigCommerceEndpoints.Error(false, 400, "The quantity specified is greater than the quantity of the product that is available to ship.");
            }
            foreach (var item in items)
            {
                var product = products.First(p => p["id"]!.GetValue<int>() == item["order_product_id"]!.GetValue<int>());
                product["quantity_shipped"] = product["quantity_shipped"]!.GetValue<int>() + item["quantity"]!.GetValue<int>();
            }
            var address = bc.ShippingAddresses[id].First(a => a["id"]!.GetValue<int>() == addressId);
            var provider = body!["shipping_provider"]?.GetValue<string>() ?? "";
            var tracking = body["tracking_number"]?.GetValue<string>() ?? "";
            shipment = new JsonObject
            {
                ["id"] = ++bc.NextId, ["order_id"] = id, ["customer_id"] = order["customer_id"]!.DeepClone(), ["order_address_id"] = addressId,
                ["date_created"] = bc.RfcNow, ["tracking_number"] = tracking, ["merchant_shipping_cost"] = "0.0000",
                ["shipping_method"] = body["shipping_method"]?.DeepClone() ?? "None", ["comments"] = body["comments"]?.DeepClone() ?? "",
                ["shipping_provider"] = provider, ["tracking_carrier"] = body["tracking_carrier"]?.DeepClone() ?? "", ["tracking_link"] = "",
                ["billing_address"] = Address(order["billing_address"]!), ["shipping_address"] = Address(address),
                ["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject
                {
                    ["order_product_id"] = i["order_product_id"]!.DeepClone(), ["product_id"] = 0, ["quantity"] = i["quantity"]!.DeepClone(),
                }).ToArray()),
                ["shipping_provider_display_name"] = provider.ToUpperInvariant(), ["generated_tracking_link"] = "",
            };
            if (!bc.Shipments.TryGetValue(id, out var list)) bc.Shipments[id] = list = [];
            list.Add(shipment);
            var all = products.All(p => p["quantity_shipped"]!.GetValue<int>() >= p["quantity"]!.GetValue<int>());
            order["status_id"] = all ? 2 : 3;
            order["status"] = Statuses[all ? 2 : 3];
            order["custom_status"] = order["status"]!.DeepClone();
            order["items_shipped"] = products.Sum(p => p["quantity_shipped"]!.GetValue<int>());
            order["date_shipped"] = bc.RfcNow;
            order["date_modified"] = bc.RfcNow;
        }
        bc.Webhooks.Publish(bc, "store/shipment/created", new JsonObject { ["type"] = "shipment", ["id"] = shipment["id"]!.GetValue<int>(), ["orderId"] = id });
        return Results.Json(shipment.DeepClone(), statusCode: 201);
    }

    private static JsonObject Address(JsonNode source)
    {
        var a = new JsonObject();
        foreach (var f in new[] { "first_name", "last_name", "company", "street_1", "street_2", "city", "state", "zip", "country", "country_iso2", "phone", "email" })
            a[f] = source[f]?.DeepClone() ?? "";
        return a;
    }

    private static int? Int(IQueryCollection q, string key) => int.TryParse(q[key], NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateTimeOffset? Date(IQueryCollection q, string key) => q[key].ToString() is { Length: > 0 } s ? Date(s) : null;

    private static DateTimeOffset Date(string s) =>
        DateTimeOffset.TryParseExact(s, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var rfc) ? rfc
        : DateTimeOffset.TryParse(s.Replace("+0000", "+00:00", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : DateTimeOffset.MinValue;
}

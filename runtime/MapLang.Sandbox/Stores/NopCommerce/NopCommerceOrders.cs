using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>Order/Search with the plugin's filters, order items, Order/Update and the order processing steps (cancel, mark as paid).</summary>
internal static class NopCommerceOrders
{
    /// <summary>
    /// Filters: customerId, createdFromUtc, createdToUtc, osIds, psIds, ssIds (repeated or comma-separated), billingEmail, productId;
    /// pageIndex (0-based), pageSize. Deleted orders are left out. Newest first, as IOrderService.SearchOrdersAsync sorts.
    /// </summary>
    public static IResult Search(NopCommerceSimulator nop, IQueryCollection q)
    {
        lock (nop.Gate)
        {
            IEnumerable<JsonObject> hits = nop.Orders.Values.Where(o => o["deleted"]?.GetValue<bool>() != true);
            if (NopCommerceEndpoints.Int(q, "customerId") is { } customer) hits = hits.Where(o => o["customer_id"]!.GetValue<int>() == customer);
            if (Date(q, "createdFromUtc") is { } from) hits = hits.Where(o => Date(o["created_on_utc"]) >= from);
            if (Date(q, "createdToUtc") is { } to) hits = hits.Where(o => Date(o["created_on_utc"]) <= to);
            foreach (var (key, field) in new[] { ("osIds", "order_status_id"), ("psIds", "payment_status_id"), ("ssIds", "shipping_status_id") })
                if (Ids(q, key) is { Count: > 0 } ids) hits = hits.Where(o => ids.Contains(o[field]!.GetValue<int>()));
            if (q["billingEmail"].ToString() is { Length: > 0 } email)
                hits = hits.Where(o => nop.Addresses.TryGetValue(o["billing_address_id"]!.GetValue<int>(), out var a)
                    && string.Equals(a["email"]?.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase));
            if (NopCommerceEndpoints.Int(q, "productId") is { } product)
                hits = hits.Where(o => nop.OrderItems.Values.Any(i => i["order_id"]!.GetValue<int>() == o["id"]!.GetValue<int>() && i["product_id"]!.GetValue<int>() == product));
            var list = hits.OrderByDescending(o => Date(o["created_on_utc"])).ThenByDescending(o => o["id"]!.GetValue<int>()).ToList();
            return NopCommerceEndpoints.Paged(list, q);
        }
    }

    public static IResult ByCustomNumber(NopCommerceSimulator nop, string number)
    {
        lock (nop.Gate)
            return nop.Orders.Values.FirstOrDefault(o => o["custom_order_number"]?.GetValue<string>() == number) is { } order
                ? Results.Json(order.DeepClone())
                : Results.Json($"Order with custom number {number} not found", statusCode: 404);
    }

    public static IResult Items(NopCommerceSimulator nop, int orderId)
    {
        lock (nop.Gate)
            return nop.Orders.ContainsKey(orderId)
                ? Results.Json(NopCommerceEndpoints.Array(nop.OrderItems.Values.Where(i => i["order_id"]!.GetValue<int>() == orderId)))
                : NopCommerceEndpoints.NotFound("Order", orderId);
    }

    /// <summary>PUT Order/Update with a whole OrderDto: every spec property present in the body is taken; status ids must be known values.</summary>
    public static IResult Update(NopCommerceSimulator nop, JsonObject? body)
    {
        if (body?["id"] is not JsonValue idValue || !idValue.TryGetValue<int>(out var id)) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "The id field is required.");
        foreach (var (field, table) in new[] { ("order_status_id", NopStatuses.Order), ("payment_status_id", NopStatuses.Payment), ("shipping_status_id", NopStatuses.Shipping) })
            if (body[field] is JsonValue v && (!v.TryGetValue<int>(out var status) || !table.ContainsKey(status)))
                return NopCommerceEndpoints.Problem("One or more validation errors occurred.", $"{field} {v.ToJsonString()} is not a valid value ({string.Join(", ", table.Keys)}).");
        lock (nop.Gate)
        {
            if (!nop.Orders.TryGetValue(id, out var order)) return NopCommerceEndpoints.NotFound("Order", id);
            var merged = (JsonObject)order.DeepClone();
            foreach (var name in NopSpec.Properties("OrderDto"))
                if (name is not ("id" or "order_guid") && body.ContainsKey(name)) merged[name] = body[name]?.DeepClone();
            nop.Orders[id] = nop.Shape("OrderDto", merged);
            return Results.Ok();
        }
    }

    public static IResult Cancel(NopCommerceSimulator nop, int orderId)
    {
        lock (nop.Gate)
        {
            if (!nop.Orders.TryGetValue(orderId, out var order)) return NopCommerceEndpoints.NotFound("Order", orderId);
            if (order["order_status_id"]!.GetValue<int>() == NopStatuses.Cancelled) return NopCommerceEndpoints.Problem("Bad Request", "Cannot do cancel for order.");
            order["order_status_id"] = NopStatuses.Cancelled;
            return Results.Ok();
        }
    }

    public static IResult MarkPaid(NopCommerceSimulator nop, int orderId)
    {
        lock (nop.Gate)
        {
            if (!nop.Orders.TryGetValue(orderId, out var order)) return NopCommerceEndpoints.NotFound("Order", orderId);
            var payment = order["payment_status_id"]!.GetValue<int>();
            if (order["order_status_id"]!.GetValue<int>() == NopStatuses.Cancelled || payment is 30 or 35 or 40 or 50)
                return NopCommerceEndpoints.Problem("Bad Request", "You can't mark this order as paid");
            order["payment_status_id"] = NopStatuses.Paid;
            order["paid_date_utc"] = NopSpec.Date(nop.Now);
            CheckOrderStatus(order);
            return Results.Ok();
        }
    }

    /// <summary>
    /// OrderProcessingService.CheckOrderStatus with the default settings: a paid pending order becomes Processing; a paid order whose
    /// shipping is Delivered (or not required) becomes Complete (OrderSettings.CompleteOrderWhenDelivered = true).
    /// </summary>
    public static void CheckOrderStatus(JsonObject order)
    {
        var status = order["order_status_id"]!.GetValue<int>();
        if (status == NopStatuses.Cancelled) return;
        var paid = order["payment_status_id"]!.GetValue<int>() == NopStatuses.Paid;
        var shipping = order["shipping_status_id"]!.GetValue<int>();
        if (status == NopStatuses.Pending && (paid || order["payment_status_id"]!.GetValue<int>() == 20)) order["order_status_id"] = status = NopStatuses.Processing;
        if (status != NopStatuses.Complete && paid && shipping is NopStatuses.Delivered or 10) order["order_status_id"] = NopStatuses.Complete;
    }

    private static HashSet<int> Ids(IQueryCollection q, string key) =>
        q[key].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -1).ToHashSet();

    private static DateTimeOffset? Date(IQueryCollection q, string key) => q[key].ToString() is { Length: > 0 } s ? Parse(s) : null;

    internal static DateTimeOffset Date(JsonNode? node) => node?.GetValue<string>() is { } s ? Parse(s) : DateTimeOffset.MinValue;

    private static DateTimeOffset Parse(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : DateTimeOffset.MinValue;
}

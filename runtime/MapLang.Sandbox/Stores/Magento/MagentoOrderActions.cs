using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>Order writes: shipments with tracks, invoices, comments and state changes (callers hold the simulator lock).</summary>
internal static class MagentoOrderActions
{
    public static IResult Ship(MagentoSimulator m, JsonObject order, JsonObject body)
    {
        var items = order["items"]!.AsArray().OfType<JsonObject>().ToList();
        var requested = body["items"] is JsonArray list && list.Count > 0
            ? list.OfType<JsonObject>().Select(i => (Id: i["order_item_id"]?.GetValue<int>() ?? 0, Qty: i["qty"]?.GetValue<decimal>() ?? 0)).ToList()
            : items.Select(i => (Id: i["item_id"]!.GetValue<int>(), Qty: Open(i, "qty_shipped"))).Where(x => x.Qty > 0).ToList();
        if (State(order) is "canceled" or "holded" or "closed" || requested.Count == 0 || requested.Any(r =>
                items.FirstOrDefault(i => i["item_id"]!.GetValue<int>() == r.Id) is not { } item || r.Qty <= 0 || r.Qty > Open(item, "qty_shipped")))
            return MagentoEndpoints.Error(400, "Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.");

        var id = ++m.NextId;
        foreach (var (itemId, qty) in requested)
        {
            var item = items.First(i => i["item_id"]!.GetValue<int>() == itemId);
            item["qty_shipped"] = item["qty_shipped"]!.GetValue<decimal>() + qty;
        }
        var tracks = new JsonArray();
        foreach (var t in (body["tracks"] as JsonArray ?? []).OfType<JsonObject>())
            tracks.Add(new JsonObject
            {
                ["entity_id"] = ++m.NextId, ["parent_id"] = id, ["order_id"] = order["entity_id"]!.GetValue<int>(), ["created_at"] = m.Now,
                ["track_number"] = t["track_number"]?.DeepClone(), ["title"] = t["title"]?.DeepClone(), ["carrier_code"] = t["carrier_code"]?.DeepClone(),
            });
        m.Shipments.Add(new JsonObject
        {
            ["entity_id"] = id, ["order_id"] = order["entity_id"]!.GetValue<int>(), ["created_at"] = m.Now,
            ["items"] = new JsonArray(requested.Select(r => (JsonNode)new JsonObject { ["order_item_id"] = r.Id, ["qty"] = r.Qty }).ToArray()),
            ["tracks"] = tracks,
        });
        Progress(m, order);
        SyncAssignment(order);
        return Results.Json(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static IResult Invoice(MagentoSimulator m, JsonObject order, JsonObject body)
    {
        var items = order["items"]!.AsArray().OfType<JsonObject>().ToList();
        if (State(order) is "canceled" or "holded" or "closed" || items.All(i => Open(i, "qty_invoiced") <= 0))
            return MagentoEndpoints.Error(400, "The order does not allow an invoice to be created.");
        var id = ++m.NextId;
        foreach (var item in items)
        {
            item["qty_invoiced"] = item["qty_ordered"]!.GetValue<decimal>();
            item["row_invoiced"] = item["row_total"]!.DeepClone();
            item["base_row_invoiced"] = item["base_row_total"]!.DeepClone();
        }
        order["total_paid"] = order["grand_total"]!.DeepClone();
        order["base_total_paid"] = order["base_grand_total"]!.DeepClone();
        order["total_invoiced"] = order["grand_total"]!.DeepClone();
        order["total_due"] = 0;
        order["base_total_due"] = 0;
        // The request's comment becomes the invoice's first comment (sales_invoice_comment), as Magento saves it.
        var comments = new JsonArray();
        if (body["comment"] is JsonObject { } comment && comment["comment"]?.ToString() is { Length: > 0 } text)
            comments.Add(new JsonObject
            {
                ["entity_id"] = ++m.NextId, ["parent_id"] = id, ["created_at"] = m.Now, ["comment"] = text,
                ["is_customer_notified"] = body["notify"]?.GetValue<bool>() == true ? 1 : 0, ["is_visible_on_front"] = comment["is_visible_on_front"]?.DeepClone() ?? 0,
            });
        m.Invoices.Add(new JsonObject
        {
            ["entity_id"] = id, ["order_id"] = order["entity_id"]!.GetValue<int>(), ["created_at"] = m.Now,
            ["grand_total"] = order["grand_total"]!.DeepClone(), ["capture"] = body["capture"]?.DeepClone() ?? false, ["comments"] = comments,
        });
        Progress(m, order);
        SyncAssignment(order);
        return Results.Json(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static IResult Comment(MagentoSimulator m, JsonObject order, JsonObject history)
    {
        var entry = (JsonObject)history.DeepClone();
        entry["entity_id"] = ++m.NextId;
        entry["parent_id"] = order["entity_id"]!.GetValue<int>();
        entry["created_at"] = m.Now;
        entry["entity_name"] = "order";
        if (entry["status"] is JsonValue s && s.GetValue<string>() is { Length: > 0 } status) order["status"] = status;
        else entry["status"] = order["status"]!.DeepClone();
        order["status_histories"]!.AsArray().Insert(0, entry);
        order["updated_at"] = m.Now;
        return Results.Json(true);
    }

    public static IResult SetState(MagentoSimulator m, JsonObject order, string state, string status)
    {
        if (State(order) is "complete" or "closed" or "canceled")
            return MagentoEndpoints.Error(400, "A hold action is not available.");
        order["state"] = state;
        order["status"] = status;
        order["updated_at"] = m.Now;
        return Results.Json(true);
    }

    private static string State(JsonObject order) => order["state"]?.GetValue<string>() ?? "new";

    private static decimal Open(JsonObject item, string done) =>
        item["qty_ordered"]!.GetValue<decimal>() - (item["qty_canceled"]?.GetValue<decimal>() ?? 0) - (item[done]?.GetValue<decimal>() ?? 0);

    /// <summary>new → processing after the first invoice or shipment; complete when everything is invoiced and shipped.</summary>
    private static void Progress(MagentoSimulator m, JsonObject order)
    {
        var items = order["items"]!.AsArray().OfType<JsonObject>().ToList();
        var done = items.All(i => Open(i, "qty_shipped") <= 0) && items.All(i => Open(i, "qty_invoiced") <= 0);
        order["state"] = done ? "complete" : "processing";
        order["status"] = done ? "complete" : "processing";
        order["updated_at"] = m.Now;
    }

    private static void SyncAssignment(JsonObject order)
    {
        if (order["extension_attributes"]?["shipping_assignments"] is JsonArray { Count: > 0 } a && a[0] is JsonObject first)
            first["items"] = order["items"]!.DeepClone();
    }
}

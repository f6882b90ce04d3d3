using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>Order writes: shipments with tracks, invoices, comments and state changes (callers hold the simulator lock).</summary>
internal static class MagentoOrderActions
{
    public static IResult Ship(MagentoSimulator m, JsonObject order, JsonObject body)
    {
        var items = order["items"]!.AsArray().OfType<JsonObject>().ToList();
        var requested = Requested(items, body, "qty_shipped");
        if (State(order) is "canceled" or "holded" or "closed" || !Allowed(items, requested, "qty_shipped"))
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
        var requested = Requested(items, body, "qty_invoiced");
        if (State(order) is "canceled" or "holded" or "closed" || !Allowed(items, requested, "qty_invoiced"))
            return MagentoEndpoints.Error(400, "The order does not allow an invoice to be created.");
        var id = ++m.NextId;
        var rows = 0m;
        foreach (var (itemId, qty) in requested)
        {
            var item = items.First(i => i["item_id"]!.GetValue<int>() == itemId);
            var row = qty / Number(item["qty_ordered"]) * Number(item["row_total"]);
            item["qty_invoiced"] = Number(item["qty_invoiced"]) + qty;
            item["row_invoiced"] = Number(item["row_invoiced"]) + row;
            item["base_row_invoiced"] = Number(item["base_row_invoiced"]) + qty / Number(item["qty_ordered"]) * Number(item["base_row_total"]);
            rows += row;
        }
        // A partial invoice holds its rows; the one that completes the order also holds the rest of the grand total (shipping, tax).
        var before = Number(order["total_invoiced"]);
        var total = items.All(i => Open(i, "qty_invoiced") <= 0) ? Number(order["grand_total"]) : before + rows;
        order["total_invoiced"] = total;
        order["total_paid"] = total;
        order["base_total_paid"] = total;
        order["total_due"] = Number(order["grand_total"]) - total;
        order["base_total_due"] = Number(order["grand_total"]) - total;
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
            ["grand_total"] = total - before, ["capture"] = body["capture"]?.DeepClone() ?? false, ["comments"] = comments,
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

    /// <summary>The body's items (order_item_id, qty), or every item with what is left of it when the body names none.</summary>
    private static List<(int Id, decimal Qty)> Requested(List<JsonObject> items, JsonObject body, string done) =>
        body["items"] is JsonArray list && list.Count > 0
            ? list.OfType<JsonObject>().Select(i => (Id: i["order_item_id"]?.GetValue<int>() ?? 0, Qty: i["qty"]?.GetValue<decimal>() ?? 0)).ToList()
            : items.Select(i => (Id: i["item_id"]!.GetValue<int>(), Qty: Open(i, done))).Where(x => x.Qty > 0).ToList();

    /// <summary>Something is asked for, and each item asked for is of the order with that much left.</summary>
    private static bool Allowed(List<JsonObject> items, List<(int Id, decimal Qty)> requested, string done) =>
        requested.Count > 0 && requested.All(r =>
            items.FirstOrDefault(i => i["item_id"]!.GetValue<int>() == r.Id) is { } item && r.Qty > 0 && r.Qty <= Open(item, done));

    private static decimal Number(JsonNode? node) =>
        node is JsonValue v && (v.TryGetValue<decimal>(out var d) || decimal.TryParse(v.ToString(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out d)) ? d : 0m;

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

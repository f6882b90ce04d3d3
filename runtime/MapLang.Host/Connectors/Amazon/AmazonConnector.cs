using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.Amazon;

/// <summary>
/// Amazon SP-API. <c>order.get</c> is getOrder + getOrderItems + getOrderAddress as one document: the getOrder reply whose
/// <c>payload</c> (the order) also holds <c>OrderItems</c> and <c>ShippingAddress</c>; write <c>listings.quantity</c> PATCHes <c>fulfillment_availability</c> (absolute, safe to repeat); reply
/// <c>order.ship</c> confirms a mapped ConfirmShipmentRequest (or the simple fields) for the items it names, or for what is left to ship (looked up
/// first, so a retried reply does not confirm twice).
/// Poll <c>notifications</c> reads ORDER_CHANGE messages from the notification queue; they are deleted only after the host has committed
/// them, and a NotificationId already handed over is dropped (SQS delivers at least once). Calls are paced per operation by
/// <see cref="Resilience.OperationRateGate"/>; the LWA access token is cached and renewed once on 403.
/// </summary>
public sealed class AmazonConnector(string name, StoreHttp api, StoreHttp? queue, LwaTokenProvider tokens, AmazonSettings settings) : IConnector, IPollSource
{
    private const int MaxMessages = 10;
    private readonly RecentIds _seen = new(10_000);

    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct)
    {
        if (operation != "order.get") throw new PermanentCallException($"Amazon has no read '{operation}' (order.get).");
        var order = Escape(id);
        var reply = await SendAsync(HttpMethod.Get, $"orders/v0/orders/{order}", null, true, "getOrder", ct).ConfigureAwait(false) as JsonObject;
        var head = reply?["payload"] as JsonObject ?? throw new PermanentCallException($"Amazon order {id} was not returned.");
        reply!.Remove("payload");
        // M3's CUPO holds 7 characters and an OrderItemId has 14 digits: each item also gets LineNumber, its position among the order's
        // items sorted by OrderItemId (the same on every fetch, whatever order the reply lists them in), for maps to use as CUPO.
        var items = await ItemsByIdAsync(order, ct).ConfigureAwait(false);
        for (var i = 0; i < items.Count; i++) items[i]["LineNumber"] = i + 1;
        head["OrderItems"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray());
        var address = await SendAsync(HttpMethod.Get, $"orders/v0/orders/{order}/address", null, true, "getOrderAddress", ct).ConfigureAwait(false);
        head["ShippingAddress"] = address?["payload"]?["ShippingAddress"]?.DeepClone();
        return new JsonObject { ["payload"] = head };
    }

    /// <summary>The order's items sorted by OrderItemId: the order <c>LineNumber</c> counts in, whatever order the reply lists them in.</summary>
    private async Task<List<JsonObject>> ItemsByIdAsync(string order, CancellationToken ct) =>
        (await ItemsAsync(order, ct).ConfigureAwait(false)).OfType<JsonObject>().OrderBy(i => i["OrderItemId"]?.ToString(), StringComparer.Ordinal).ToList();

    private async Task<JsonArray> ItemsAsync(string order, CancellationToken ct)
    {
        var items = new JsonArray();
        string? next = null;
        do
        {
            var path = $"orders/v0/orders/{order}/orderItems" + (next is null ? "" : $"?NextToken={Uri.EscapeDataString(next)}");
            var payload = (await SendAsync(HttpMethod.Get, path, null, true, "getOrderItems", ct).ConfigureAwait(false))?["payload"];
            foreach (var item in payload?["OrderItems"] as JsonArray ?? []) items.Add(item?.DeepClone());
            next = payload?["NextToken"]?.GetValue<string>();
        } while (next is not null);
        return items;
    }

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct)
    {
        if (operation != "listings.quantity") throw new PermanentCallException($"Amazon has no write '{operation}' (listings.quantity).");
        var sku = record["sku"]?.ToString() ?? throw new PermanentCallException("listings.quantity needs sku.");
        var quantity = (int)decimal.Parse(record["quantity"]?.ToString() ?? throw new PermanentCallException("listings.quantity needs quantity."), CultureInfo.InvariantCulture);
        var patch = new JsonObject
        {
            ["productType"] = record["productType"]?.ToString() ?? "PRODUCT",
            ["patches"] = new JsonArray(new JsonObject
            {
                ["op"] = "replace",
                ["path"] = "/attributes/fulfillment_availability",
                ["value"] = new JsonArray(new JsonObject
                {
                    ["fulfillment_channel_code"] = record["fulfillmentChannelCode"]?.ToString() ?? "DEFAULT", ["quantity"] = quantity,
                }),
            }),
        };
        var path = $"listings/2021-08-01/items/{Escape(settings.SellerId)}/{Escape(sku)}?marketplaceIds={Escape(settings.MarketplaceId)}";
        JsonNode? reply;
        try
        {
            reply = await SendAsync(HttpMethod.Patch, path, patch, true, "patchListingsItem", ct).ConfigureAwait(false);
        }
        catch (PermanentCallException e) when (NotListed.TryRefusal(e, out var code, out var body) && code == 404
                                               && body?["errors"] is JsonArray errors && errors.Any(x => x?["code"]?.ToString() == "NotFound"))
        {
            // patchListingsItem answers 404 NotFound for a SKU the seller has no listing of in the marketplace.
            return NotListed.Skipped("Amazon", sku);
        }
        if (reply?["status"]?.GetValue<string>() is { } status && status != "ACCEPTED")
            throw new PermanentCallException($"Amazon refused the quantity of {sku}: {status} {reply["issues"]?.ToJsonString()}");
        return reply;
    }

    /// <summary>
    /// confirmShipment of a mapped ConfirmShipmentRequest or of the fields <c>tracking_number</c>, <c>carrier_code</c>, <c>ship_date?</c>, looking first:
    /// a Shipped order is not confirmed again and each item ships at most what it has left. A line's <c>orderItemId</c> may be the OrderItemId,
    /// the M3 CUPO the order map wrote (<c>stableId(OrderItemId, 7)</c>, or the <c>LineNumber</c> of <c>order.get</c>); when a line names no item
    /// of the order, what is left to ship is confirmed. The marketplace is the body's, else the order's, else the connection's.
    /// </summary>
    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        if (operation != "order.ship") throw new PermanentCallException($"Amazon has no reply '{operation}' (order.ship).");
        var order = Escape(id);
        var package = fields["packageDetail"] as JsonObject;
        var tracking = (package?["trackingNumber"] ?? fields["tracking_number"])?.ToString() is { Length: > 0 } t ? t : throw new PermanentCallException("order.ship needs a tracking number.");
        var head = (await SendAsync(HttpMethod.Get, $"orders/v0/orders/{order}", null, true, "getOrder", ct).ConfigureAwait(false))?["payload"];
        if (head?["OrderStatus"]?.GetValue<string>() is "Shipped") return;
        var items = await ItemsByIdAsync(order, ct).ConfigureAwait(false);
        var left = items.ToDictionary(i => i["OrderItemId"]?.ToString() ?? "",
            i => (ShipmentLines.Number(i["QuantityOrdered"]) ?? 0) - (ShipmentLines.Number(i["QuantityShipped"]) ?? 0), StringComparer.Ordinal);
        var requested = (package?["orderItems"] as JsonArray)?.OfType<JsonObject>()
            .Select(l => (Id: OrderItemId(items, l["orderItemId"]?.ToString()), Quantity: ShipmentLines.Number(l["quantity"]))).ToList();
        if (requested is not null && requested.Any(r => r.Id is null)) requested = null;
        var lines = ShipmentLines.Plan(requested?.Select(r => (r.Id!, r.Quantity)).ToList(), left, "Amazon");
        if (lines.Count == 0) return;

        var detail = package is null ? new JsonObject
        {
            ["packageReferenceId"] = fields["package_reference_id"]?.ToString() ?? "1",
            ["carrierCode"] = fields["carrier_code"]?.ToString() ?? "Other",
            ["shipDate"] = fields["ship_date"]?.ToString(),
        } : (JsonObject)package.DeepClone();
        detail["trackingNumber"] = tracking;
        if (detail["shipDate"]?.ToString() is not { Length: > 0 }) detail["shipDate"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        detail["orderItems"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["orderItemId"] = l.Id, ["quantity"] = (int)l.Quantity }).ToArray());
        var marketplace = fields["marketplaceId"]?.ToString() is { Length: > 0 } m ? m : head?["MarketplaceId"]?.ToString() is { Length: > 0 } o ? o : settings.MarketplaceId;
        var body = new JsonObject { ["marketplaceId"] = marketplace, ["packageDetail"] = detail };
        if (fields["codCollectionMethod"] is JsonValue cod) body["codCollectionMethod"] = cod.DeepClone();
        await SendAsync(HttpMethod.Post, $"orders/v0/orders/{order}/shipmentConfirmation", body, false, "confirmShipment", ct).ConfigureAwait(false);
    }

    /// <summary>The OrderItemId a shipment line names: itself, its stableId(…, 7) (CUPO of the example maps) or its LineNumber (position by OrderItemId).</summary>
    private static string? OrderItemId(List<JsonObject> itemsByOrderItemId, string? named)
    {
        if (string.IsNullOrWhiteSpace(named)) return null;
        var key = named.Trim();
        for (var i = 0; i < itemsByOrderItemId.Count; i++)
        {
            var itemId = itemsByOrderItemId[i]["OrderItemId"]?.ToString();
            if (itemId is null) continue;
            if (itemId == key || string.Equals(MapLang.Stdlib.Hashing.HashFunctions.StableId(itemId, 7), key, StringComparison.OrdinalIgnoreCase)
                || key == (i + 1).ToString(CultureInfo.InvariantCulture)) return itemId;
        }
        return null;
    }

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation != "notifications") throw new PermanentCallException($"Amazon cannot be polled for '{operation}' (notifications).");
        if (queue is null) throw new PermanentCallException($"Connection '{name}' has no queueUrl for notifications.");
        var (_, reply) = await queue.SendAsync(HttpMethod.Get, $"messages?max={MaxMessages}&visibilityTimeout={settings.QueueVisibilitySeconds}", null, true, "queue.receive",
            NoAuth, ct).ConfigureAwait(false);
        var messages = (reply?["messages"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var items = new List<JsonNode>();
        var handles = new List<string>();
        foreach (var message in messages)
        {
            if (message["receiptHandle"]?.GetValue<string>() is { } handle) handles.Add(handle);
            JsonNode? body;
            try { body = JsonNode.Parse(message["body"]?.GetValue<string>() ?? ""); }
            catch (System.Text.Json.JsonException) { continue; } // not a notification: deleted with the rest, it can never become one
            if (body?["NotificationType"]?.GetValue<string>() != "ORDER_CHANGE") continue;
            var notificationId = body["NotificationMetadata"]?["NotificationId"]?.GetValue<string>();
            if (notificationId is not null && _seen.Contains(notificationId)) continue;
            items.Add(body);
        }
        return new PollBatch(items, watermark, messages.Count == MaxMessages, async token =>
        {
            foreach (var item in items)
                if (item["NotificationMetadata"]?["NotificationId"]?.GetValue<string>() is { } id) _seen.Add(id);
            foreach (var handle in handles)
                await queue.SendAsync(HttpMethod.Delete, $"messages/{Escape(handle)}", null, true, "queue.delete", NoAuth, token).ConfigureAwait(false);
        });
    }

    private static ValueTask<Action<HttpRequestMessage>> NoAuth(CancellationToken _) => ValueTask.FromResult<Action<HttpRequestMessage>>(_ => { });

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(rejected, ct).ConfigureAwait(false);
            var (status, reply) = await api.SendAsync(method, path, body, safe, operation,
                _ => ValueTask.FromResult<Action<HttpRequestMessage>>(r => r.Headers.Add("x-amz-access-token", token)), ct).ConfigureAwait(false);
            if (status is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)) return reply;
            // SP-API answers 403 both for an expired token and for a missing role: one new token, then it is a refusal.
            if (attempt > 0) throw new PermanentCallException($"Amazon {operation}: access denied (HTTP {(int)status}) with a new token.");
            rejected = token;
        }
    }
}

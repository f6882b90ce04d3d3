using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.BigCommerce;

/// <summary>
/// BigCommerce: webhooks are thin (<c>{scope, data:{type,id}, hash…}</c>), so <c>order.get</c> fetches the order with its
/// products and shipping addresses (v2) as one document: under <c>order_products</c> and <c>order_shipping_addresses</c> (the names the
/// stdlib schema and the examples read) and, for older maps, <c>products</c> and <c>shipping_addresses</c>. Reply <c>order.status</c> PUTs
/// <c>status_id</c>; reply <c>order.ship</c> POSTs a shipment (a mapped OrderShipmentCreate or the field <c>tracking_number</c>…) with the order's
/// first shipping address and the products not yet shipped where the body has none, skipped when a shipment with the tracking number exists; poll <c>orders.since</c> lists v2 orders with <c>min_date_modified</c> ≥ the watermark. Calls are paced by the store's
/// 30-second window (<see cref="Resilience.WindowRateGate"/>).
/// </summary>
public sealed class BigCommerceConnector(string name, StoreHttp http, BigCommerceSettings settings) : IConnector, IPollSource
{
    private const int PageSize = 250;

    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct)
    {
        if (operation != "order.get") throw new PermanentCallException($"BigCommerce has no read '{operation}' (order.get).");
        var order = Uri.EscapeDataString(id);
        var head = await SendAsync(HttpMethod.Get, $"v2/orders/{order}", null, true, "orders.get", ct).ConfigureAwait(false) as JsonObject
                   ?? throw new PermanentCallException($"BigCommerce order {id} was not returned.");
        var products = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/products", null, true, "orders.products", ct).ConfigureAwait(false) ?? new JsonArray();
        var addresses = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/shipping_addresses", null, true, "orders.shipping_addresses", ct).ConfigureAwait(false) ?? new JsonArray();
        head["order_products"] = products.DeepClone();
        head["order_shipping_addresses"] = addresses.DeepClone();
        head["products"] = products;
        head["shipping_addresses"] = addresses;
        return head;
    }

    public Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct) => operation switch
    {
        "inventory.absolute" => AdjustAbsoluteAsync(record, ct),
        _ => throw new PermanentCallException($"BigCommerce has no write '{operation}' (inventory.absolute)."),
    };

    /// <summary>
    /// PUT v3/inventory/adjustments/absolute. One item BigCommerce cannot find (422 whose <c>errors["items.0"]</c> says it "could not be
    /// found", for an item that has its location_id and quantity) is skipped: <c>{"skipped": …}</c>. A batch of several still fails as a whole.
    /// </summary>
    private async Task<JsonNode?> AdjustAbsoluteAsync(JsonNode record, CancellationToken ct)
    {
        var request = AdjustmentRequest(record);
        try
        {
            return await SendAsync(HttpMethod.Put, "v3/inventory/adjustments/absolute", request, true, "inventory.absolute", ct).ConfigureAwait(false);
        }
        catch (PermanentCallException e) when (request["items"] is JsonArray and [JsonObject item] && item["location_id"] is not null && item["quantity"] is not null
                                               && ItemNotFound(e))
        {
            var sku = item["sku"]?.ToString() ?? item["variant_id"]?.ToString() ?? item["product_id"]?.ToString() ?? "?";
            return NotListed.Skipped("BigCommerce", sku);
        }
    }

    private static bool ItemNotFound(PermanentCallException e)
    {
        if (!NotListed.TryRefusal(e, out var status, out var body) || status != 422 || body?["errors"] is not JsonObject { Count: 1 } errors) return false;
        var (key, text) = errors.Single();
        return key is "items.0" or "items.0.sku" && NotListed.Contains(text?.ToString(), "not be found");
    }

    /// <summary>The request as mapped (<c>{reason, items}</c>), or one mapped item (an absolute adjustment item) wrapped into one.</summary>
    private static JsonObject AdjustmentRequest(JsonNode record) => record is JsonObject o && o.ContainsKey("items")
        ? (JsonObject)o.DeepClone()
        : new JsonObject { ["reason"] = "M3 stock", ["items"] = new JsonArray(record.DeepClone()) };

    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        switch (operation)
        {
            case "order.status":
                var statusId = int.Parse(fields["status_id"]?.ToString() ?? throw new PermanentCallException("order.status needs status_id."), CultureInfo.InvariantCulture);
                await SendAsync(HttpMethod.Put, $"v2/orders/{Uri.EscapeDataString(id)}", new JsonObject { ["status_id"] = statusId }, true, "orders.update", ct).ConfigureAwait(false);
                break;
            case "order.ship":
                await ShipAsync(Uri.EscapeDataString(id), fields, ct).ConfigureAwait(false);
                break;
            default:
                throw new PermanentCallException($"BigCommerce has no reply '{operation}' (order.status, order.ship).");
        }
    }

    /// <summary>
    /// POST v2/orders/{id}/shipments, looking first: a shipment with the tracking number means the reply was already sent, and the items
    /// are cut to what each order product has left to ship (a retry without a tracking number then ships nothing).
    /// </summary>
    private async Task ShipAsync(string order, JsonObject fields, CancellationToken ct)
    {
        var tracking = fields["tracking_number"]?.ToString() ?? "";
        var shipments = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/shipments", null, true, "orders.shipments.list", ct).ConfigureAwait(false) as JsonArray ?? [];
        if (tracking.Length > 0 && shipments.Any(s => s?["tracking_number"]?.ToString() == tracking)) return;

        var products = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/products", null, true, "orders.products", ct).ConfigureAwait(false) as JsonArray ?? [];
        var left = products.OfType<JsonObject>().ToDictionary(p => (long)ShipmentLines.Number(p["id"])!,
            p => (ShipmentLines.Number(p["quantity"]) ?? 0) - (ShipmentLines.Number(p["quantity_shipped"]) ?? 0));
        var requested = (fields["items"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => ((long)(ShipmentLines.Number(i["order_product_id"]) ?? throw new PermanentCallException("order.ship: an item without order_product_id.")),
                ShipmentLines.Number(i["quantity"]))).ToList();
        var plan = ShipmentLines.Plan(requested, left, "BigCommerce");
        if (plan.Count == 0) return;

        var body = (JsonObject)fields.DeepClone();
        foreach (var empty in body.Where(p => p.Value is null).Select(p => p.Key).ToList()) body.Remove(empty);
        body["items"] = new JsonArray(plan.Select(p => (JsonNode)new JsonObject { ["order_product_id"] = p.Id, ["quantity"] = (int)p.Quantity }).ToArray());
        if (ShipmentLines.Number(body["order_address_id"]) is null)
        {
            var addresses = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/shipping_addresses", null, true, "orders.shipping_addresses", ct).ConfigureAwait(false) as JsonArray;
            body["order_address_id"] = addresses?.FirstOrDefault()?["id"]?.DeepClone() ?? throw new PermanentCallException($"BigCommerce order {order} has no shipping address.");
        }
        else body["order_address_id"] = (long)ShipmentLines.Number(body["order_address_id"])!;
        await SendAsync(HttpMethod.Post, $"v2/orders/{order}/shipments", body, false, "orders.shipments.create", ct).ConfigureAwait(false);
    }

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation != "orders.since") throw new PermanentCallException($"BigCommerce cannot be polled for '{operation}' (orders.since).");
        var since = DateTimeOffset.Parse(watermark, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var found = new List<JsonNode>();
        var newest = since;
        for (var page = 1; page <= 50; page++)
        {
            var path = $"v2/orders?min_date_modified={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))}&limit={PageSize}&page={page}";
            var list = (await SendAsync(HttpMethod.Get, path, null, true, "orders.list", ct).ConfigureAwait(false) as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var order in list)
            {
                found.Add(order.DeepClone());
                // date_modified is RFC 2822 ("Tue, 05 Mar 2019 21:40:11 +0000").
                if (order["date_modified"]?.ToString() is { } modified
                    && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > newest) newest = at;
            }
            if (list.Count < PageSize) break;
        }
        return new PollBatch(found, newest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        var (status, reply) = await http.SendAsync(method, path, body, safe, operation,
            _ => ValueTask.FromResult<Action<HttpRequestMessage>>(r => r.Headers.Add("X-Auth-Token", settings.AccessToken)), ct).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized) throw new TransientCallException($"BigCommerce {operation}: HTTP 401.", false);
        return reply;
    }
}

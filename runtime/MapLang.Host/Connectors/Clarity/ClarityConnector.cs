using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.Clarity;

/// <summary>
/// Clarity eCommerce. <b>ASSUMED API</b>: Clarity publishes no API, so routes, the <c>X-Api-Key</c> header, status keys and shipment bodies
/// are those of the sandbox's stand-in (docs/sandbox.md), to be checked against the customer's own API before going live.
/// <c>order.get</c> (GET SalesOrders/{id}), poll <c>orders.since</c> (SalesOrders?CreatedAfter=), replies <c>order.status</c>
/// (PUT SalesOrders/{id}/Status) and <c>order.ship</c> (POST SalesOrders/{id}/Shipments of a mapped SalesOrderShipment or the fields
/// <c>TrackingNumber</c>/<c>CarrierKey</c>: the Items asked for, or everything left to ship, each cut to what is left; skipped when a shipment
/// with the tracking number exists), write <c>inventory</c> (PUT Inventory, absolute).
/// </summary>
public sealed class ClarityConnector(string name, StoreHttp http, ClaritySettings settings) : IConnector, IPollSource
{
    private const int PageSize = 100;

    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct)
    {
        if (operation != "order.get") throw new PermanentCallException($"Clarity has no read '{operation}' (order.get).");
        return await SendAsync(HttpMethod.Get, $"SalesOrders/{Id(id)}", null, true, "orders.get", ct).ConfigureAwait(false);
    }

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct)
    {
        if (operation != "inventory") throw new PermanentCallException($"Clarity has no write '{operation}' (inventory).");
        var body = new JsonObject
        {
            ["ProductKey"] = record["ProductKey"]?.ToString() ?? throw new PermanentCallException("inventory needs ProductKey."),
            ["LocationKey"] = record["LocationKey"]?.ToString() ?? "MAIN",
            ["Quantity"] = decimal.Parse(record["Quantity"]?.ToString() ?? throw new PermanentCallException("inventory needs Quantity."), CultureInfo.InvariantCulture),
        };
        try
        {
            return await SendAsync(HttpMethod.Put, "Inventory", body, true, "inventory.update", ct).ConfigureAwait(false);
        }
        catch (PermanentCallException e) when (NotListed.TryRefusal(e, out var status, out var reply) && status == 404
                                               && reply?["ResponseStatus"] is JsonObject refusal && refusal["ErrorCode"]?.ToString() == "NotFound"
                                               && (refusal["Errors"] as JsonArray ?? []).Any(x => x?["FieldName"]?.ToString() == "ProductKey"))
        {
            // PUT Inventory answers 404 NotFound on the field ProductKey for a product the store does not have.
            return NotListed.Skipped("Clarity", body["ProductKey"]!.ToString());
        }
    }

    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        var order = Id(id);
        switch (operation)
        {
            case "order.status":
                var status = fields["StatusKey"]?.ToString() is { Length: > 0 } s ? s : throw new PermanentCallException("order.status needs StatusKey.");
                await SendAsync(HttpMethod.Put, $"SalesOrders/{order}/Status", new JsonObject { ["StatusKey"] = status }, true, "orders.status", ct).ConfigureAwait(false);
                break;
            case "order.ship":
                await ShipAsync(order, fields, ct).ConfigureAwait(false);
                break;
            default:
                throw new PermanentCallException($"Clarity has no reply '{operation}' (order.status, order.ship).");
        }
    }

    private async Task ShipAsync(int order, JsonObject fields, CancellationToken ct)
    {
        var tracking = fields["TrackingNumber"]?.ToString() is { Length: > 0 } t ? t : throw new PermanentCallException("order.ship needs TrackingNumber.");
        var shipments = (await SendAsync(HttpMethod.Get, $"SalesOrders/{order}/Shipments", null, true, "shipments.list", ct).ConfigureAwait(false) as JsonArray ?? [])
            .OfType<JsonObject>().ToList();
        if (shipments.Any(s => s["TrackingNumber"]?.ToString() == tracking)) return;
        var shipped = new Dictionary<int, decimal>();
        foreach (var line in shipments.SelectMany(s => (s["Items"] as JsonArray ?? []).OfType<JsonObject>()))
        {
            var itemId = line["SalesOrderItemID"]!.GetValue<int>();
            shipped[itemId] = shipped.GetValueOrDefault(itemId) + (ShipmentLines.Number(line["Quantity"]) ?? 0);
        }
        var salesOrder = await SendAsync(HttpMethod.Get, $"SalesOrders/{order}", null, true, "orders.get", ct).ConfigureAwait(false);
        var left = (salesOrder?["SalesItems"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(i => i["ID"]!.GetValue<int>(), i => (ShipmentLines.Number(i["Quantity"]) ?? 0) - shipped.GetValueOrDefault(i["ID"]!.GetValue<int>()));
        var requested = (fields["Items"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => ((int)(ShipmentLines.Number(i["SalesOrderItemID"]) ?? throw new PermanentCallException("order.ship: an item without SalesOrderItemID.")),
                ShipmentLines.Number(i["Quantity"]))).ToList();
        var items = ShipmentLines.Plan(requested, left, "Clarity");
        if (items.Count == 0) return;
        var body = new JsonObject
        {
            ["TrackingNumber"] = tracking, ["CarrierKey"] = fields["CarrierKey"]?.ToString(),
            ["Items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["SalesOrderItemID"] = i.Id, ["Quantity"] = i.Quantity }).ToArray()),
        };
        foreach (var field in new[] { "ShipDate", "Reference" })
            if (fields[field] is JsonValue value) body[field] = value.DeepClone();
        await SendAsync(HttpMethod.Post, $"SalesOrders/{order}/Shipments", body, false, "shipments.create", ct).ConfigureAwait(false);
    }

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation != "orders.since") throw new PermanentCallException($"Clarity cannot be polled for '{operation}' (orders.since).");
        var found = new List<JsonNode>();
        var newest = watermark;
        var newestAt = Parse(watermark);
        // CreatedAfter compares strictly and CreatedDate has whole seconds: an order created later in the watermark's second would
        // never be listed. Ask from one second earlier; the orders seen again are duplicates of their runs, not new runs.
        var after = newestAt.AddSeconds(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        for (var skip = 0; skip < 50 * PageSize; skip += PageSize)
        {
            var reply = await SendAsync(HttpMethod.Get, $"SalesOrders?CreatedAfter={Uri.EscapeDataString(after)}&Skip={skip}&Take={PageSize}", null, true, "orders.list", ct)
                .ConfigureAwait(false);
            var page = (reply?["Results"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var order in page)
            {
                found.Add(order.DeepClone());
                // The watermark keeps the store's own text (full precision), as CreatedAfter compares strictly.
                if (order["CreatedDate"]?.ToString() is { } created && Parse(created) > newestAt) (newest, newestAt) = (created, Parse(created));
            }
            if (page.Count < PageSize) break;
        }
        return new PollBatch(found, newest);
    }

    private static DateTimeOffset Parse(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static int Id(string id) => int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        ? n : throw new PermanentCallException($"'{id}' is not a Clarity sales order id.");

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        var (status, reply) = await http.SendAsync(method, path, body, safe, operation,
            _ => ValueTask.FromResult<Action<HttpRequestMessage>>(r => r.Headers.Add("X-Api-Key", settings.ApiKey)), ct).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized) throw new PermanentCallException($"Clarity {operation}: the API key was refused (HTTP 401).");
        return reply;
    }
}

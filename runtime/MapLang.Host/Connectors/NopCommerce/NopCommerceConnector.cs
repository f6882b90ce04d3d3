using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.NopCommerce;

/// <summary>
/// nopCommerce through the official Web API plugin (backend). The core has no webhooks, so orders come by polling
/// (<c>orders.since</c>: <c>Order/Search?createdFromUtc=</c>; <c>orders.paid</c>: the paid ones, an order awaiting its payment looked at
/// again until it is paid); <c>order.get</c> assembles the order with its items (each with the product's
/// <c>sku</c>), <c>billing_address</c> and <c>shipping_address</c>. Replies: <c>order.status</c> (Order/Update with the whole OrderDto) and
/// <c>order.ship</c> (a mapped Shipment <c>{tracking_number, shipment_items[{order_item_id, quantity}], admin_comment, total_weight…}</c> or the
/// field <c>tracking_number</c>: Shipment/Create, ShipmentItem/Create for the items asked for, or everything left to ship, OrderProcessing/Ship). Write <c>product.stock</c>
/// sets a product's stock quantity (absolute, found by SKU). The JWT from Authenticate/GetToken is cached and renewed once on 401.
/// </summary>
public sealed class NopCommerceConnector(string name, StoreHttp http, NopCommerceSettings settings) : IConnector, IPollSource
{
    private const int PageSize = 100;
    /// <summary>The poll of paid orders (see <see cref="Paid"/>): what a payment flow posts to M3's general ledger.</summary>
    public const string PaidOrders = "orders.paid";
    private const int PaymentPaid = 30, OrderCancelled = 40;
    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _token;

    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct)
    {
        if (operation != "order.get") throw new PermanentCallException($"nopCommerce has no read '{operation}' (order.get).");
        var orderId = Id(id);
        var order = await GetAsync($"Order/GetById/{orderId}", "orders.get", ct).ConfigureAwait(false) as JsonObject
                    ?? throw new PermanentCallException($"nopCommerce order {id} was not returned.");
        var items = await GetAsync($"OrderItem/GetOrderItems/{orderId}", "orderItems.list", ct).ConfigureAwait(false) as JsonArray ?? [];
        var products = new Dictionary<int, JsonObject?>();
        foreach (var item in items.OfType<JsonObject>())
        {
            if (item["product_id"]?.GetValue<int>() is not { } productId) continue;
            if (!products.TryGetValue(productId, out var product))
                products[productId] = product = await GetAsync($"Product/GetById/{productId}", "products.get", ct).ConfigureAwait(false) as JsonObject;
            item["sku"] = product?["sku"]?.DeepClone();
            item["product_name"] = product?["name"]?.DeepClone();
            item["product"] = product?.DeepClone();
        }
        // order_items (with each item's product) is what the stdlib's NopCommerce.Order and the examples read; items for older maps.
        order["order_items"] = items.DeepClone();
        order["items"] = items;
        foreach (var (field, target) in new[] { ("billing_address_id", "billing_address"), ("shipping_address_id", "shipping_address") })
            if (order[field] is JsonValue v && v.TryGetValue<int>(out var addressId) && addressId > 0)
                order[target] = await GetAsync($"Address/GetById/{addressId}", "addresses.get", ct).ConfigureAwait(false);
        return order;
    }

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct)
    {
        if (operation != "product.stock") throw new PermanentCallException($"nopCommerce has no write '{operation}' (product.stock).");
        var sku = record["sku"]?.ToString() ?? throw new PermanentCallException("product.stock needs sku.");
        // A mapped NopCommerce.Product carries stock_quantity; a plain {sku, quantity} record works too.
        var quantity = (int)decimal.Parse((record["stock_quantity"] ?? record["quantity"])?.ToString()
                                          ?? throw new PermanentCallException("product.stock needs stock_quantity (or quantity)."), CultureInfo.InvariantCulture);
        var found = await GetAsync($"Product/GetAll?keywords={Uri.EscapeDataString(sku)}&searchSku=true&pageSize=50", "products.list", ct).ConfigureAwait(false);
        // No product with the SKU (the search answers 200 with no such item): the store does not sell it, which is not an error.
        var product = (found?["items"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(p => string.Equals(p["sku"]?.ToString(), sku, StringComparison.OrdinalIgnoreCase));
        if (product is null) return NotListed.Skipped("nopCommerce", sku);
        // Product/Update takes the whole ProductDto; an absolute quantity makes the write safe to repeat.
        var full = await GetAsync($"Product/GetById/{product["id"]}", "products.get", ct).ConfigureAwait(false) as JsonObject ?? product;
        full["stock_quantity"] = quantity;
        await SendAsync(HttpMethod.Put, "Product/Update", full, true, "products.update", ct).ConfigureAwait(false);
        return new JsonObject { ["product_id"] = full["id"]?.DeepClone(), ["sku"] = sku, ["stock_quantity"] = quantity };
    }

    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        var orderId = Id(id);
        switch (operation)
        {
            case "order.status":
                var order = await GetAsync($"Order/GetById/{orderId}", "orders.get", ct).ConfigureAwait(false) as JsonObject
                            ?? throw new PermanentCallException($"nopCommerce order {id} was not returned.");
                foreach (var field in new[] { "order_status_id", "payment_status_id", "shipping_status_id" })
                    if (fields[field]?.ToString() is { Length: > 0 } value) order[field] = int.Parse(value, CultureInfo.InvariantCulture);
                await SendAsync(HttpMethod.Put, "Order/Update", order, true, "orders.update", ct).ConfigureAwait(false);
                break;
            case "order.ship":
                await ShipAsync(orderId, fields, ct).ConfigureAwait(false);
                break;
            default:
                throw new PermanentCallException($"nopCommerce has no reply '{operation}' (order.status, order.ship).");
        }
    }

    /// <summary>
    /// Three writes that are not idempotent one by one, so each retry looks first: the shipment with this tracking number is reused,
    /// only quantities not yet in a shipment are added (of the items asked for, or of every item), and a shipment already shipped is not
    /// shipped again.
    /// </summary>
    private async Task ShipAsync(int orderId, JsonObject fields, CancellationToken ct)
    {
        var tracking = fields["tracking_number"]?.ToString() is { Length: > 0 } t ? t : throw new PermanentCallException("order.ship needs tracking_number.");
        var shipments = (await GetAsync($"Shipment/GetByOrderId/{orderId}", "shipments.byOrder", ct).ConfigureAwait(false) as JsonArray ?? []).OfType<JsonObject>().ToList();
        var shipment = shipments.FirstOrDefault(s => s["tracking_number"]?.ToString() == tracking);
        if (shipment is null)
        {
            var created = new JsonObject { ["order_id"] = orderId, ["tracking_number"] = tracking };
            // The shipped date is set by OrderProcessing/Ship: a shipment created with one counts as shipped and takes no items.
            foreach (var field in new[] { "admin_comment", "total_weight" })
                if (fields[field] is JsonValue value) created[field] = value.DeepClone();
            shipment = await SendAsync(HttpMethod.Post, "Shipment/Create", created, false, "shipments.create", ct).ConfigureAwait(false) as JsonObject
                       ?? throw new TransientCallException("nopCommerce Shipment/Create returned no shipment.", true);
            shipments.Add(shipment);
        }
        var shipmentId = shipment["id"]!.GetValue<int>();
        if (shipment["shipped_date_utc"] is not null) return;

        var inShipments = new Dictionary<int, decimal>();
        var inThis = new Dictionary<int, decimal>();
        foreach (var s in shipments)
            foreach (var line in (await GetAsync($"ShipmentItem/GetByShipmentId/{s["id"]}", "shipmentItems.list", ct).ConfigureAwait(false) as JsonArray ?? []).OfType<JsonObject>())
            {
                var itemId = line["order_item_id"]!.GetValue<int>();
                var quantity = ShipmentLines.Number(line["quantity"]) ?? 0;
                inShipments[itemId] = inShipments.GetValueOrDefault(itemId) + quantity;
                if (s == shipment) inThis[itemId] = inThis.GetValueOrDefault(itemId) + quantity;
            }
        var items = await GetAsync($"OrderItem/GetOrderItems/{orderId}", "orderItems.list", ct).ConfigureAwait(false) as JsonArray ?? [];
        var left = items.OfType<JsonObject>().ToDictionary(i => i["id"]!.GetValue<int>(), i => (ShipmentLines.Number(i["quantity"]) ?? 0) - inShipments.GetValueOrDefault(i["id"]!.GetValue<int>()));
        // Asked-for quantities already in this shipment (a retry after ShipmentItem/Create) are not asked for again.
        var requested = (fields["shipment_items"] as JsonArray)?.OfType<JsonObject>().Select(i =>
        {
            var itemId = (int)(ShipmentLines.Number(i["order_item_id"]) ?? throw new PermanentCallException("order.ship: a shipment item without order_item_id."));
            var asked = ShipmentLines.Number(i["quantity"]);
            return (itemId, asked is { } q ? (decimal?)(q - inThis.GetValueOrDefault(itemId)) : null);
        }).ToList();
        foreach (var (itemId, quantity) in ShipmentLines.Plan(requested, left, "nopCommerce"))
            await SendAsync(HttpMethod.Post, "ShipmentItem/Create", new JsonObject { ["shipment_id"] = shipmentId, ["order_item_id"] = itemId, ["quantity"] = (int)quantity },
                false, "shipmentItems.create", ct).ConfigureAwait(false);
        await SendAsync(HttpMethod.Get, $"OrderProcessing/Ship/{shipmentId}", null, false, "shipments.ship", ct).ConfigureAwait(false);
    }

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation is not ("orders.since" or PaidOrders))
            throw new PermanentCallException($"nopCommerce cannot be polled for '{operation}' (orders.since, {PaidOrders}).");
        var since = DateTimeOffset.Parse(watermark, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var found = new List<JsonObject>();
        var newest = since;
        // Whole seconds: the store may keep created_on_utc to the second, and what comes twice is a duplicate anyway.
        var from = new DateTimeOffset(since.UtcTicks - since.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        for (var page = 0; page < 50; page++)
        {
            var reply = await GetAsync($"Order/Search?createdFromUtc={Uri.EscapeDataString(Iso(from))}&pageIndex={page}&pageSize={PageSize}", "orders.search", ct).ConfigureAwait(false);
            foreach (var order in (reply?["items"] as JsonArray ?? []).OfType<JsonObject>())
            {
                found.Add((JsonObject)order.DeepClone());
                if (Created(order) is { } at && at > newest) newest = at;
            }
            if (reply?["has_next_page"]?.GetValue<bool>() != true) break;
        }
        // createdFromUtc is inclusive: the newest order comes again next time and is answered as a duplicate by the store.
        return operation == PaidOrders ? Paid(found, newest, parameters) : new PollBatch(found, Iso(newest));
    }

    /// <summary>
    /// <c>orders.paid</c>: the orders whose payment_status_id is Paid (30), whenever the payment was captured. An order still waiting for
    /// its payment (Pending 10 or Authorized 20, not cancelled) holds the watermark at its creation, so it is searched again until it is
    /// paid, cancelled, refunded or voided — or until it is more than <c>holdDays</c> (default 30) older than the newest order seen.
    /// A paid order comes again while an older one holds the watermark: the store answers it as a duplicate of its run.
    /// </summary>
    private static PollBatch Paid(List<JsonObject> orders, DateTimeOffset newest, IReadOnlyDictionary<string, string> parameters)
    {
        var holdDays = parameters.TryGetValue("holdDays", out var days) && int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : 30;
        var hold = newest;
        var paid = new List<JsonNode>();
        foreach (var order in orders)
        {
            var payment = Number(order["payment_status_id"]);
            if (payment == PaymentPaid) paid.Add(order);
            else if (payment is 10 or 20 && Number(order["order_status_id"]) != OrderCancelled
                     && Created(order) is { } at && at < hold && at >= newest.AddDays(-holdDays)) hold = at;
        }
        return new PollBatch(paid, Iso(hold));
    }

    private static DateTimeOffset? Created(JsonObject order) =>
        order["created_on_utc"]?.ToString() is { } created && DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static int? Number(JsonNode? node) =>
        int.TryParse(node?.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static int Id(string id) => int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        ? n : throw new PermanentCallException($"'{id}' is not a nopCommerce order id.");

    private Task<JsonNode?> GetAsync(string path, string operation, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, true, operation, ct);

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, reply) = await http.SendAsync(method, path, body, safe, operation, AuthAsync, ct).ConfigureAwait(false);
            if (status != HttpStatusCode.Unauthorized) return reply;
            if (attempt > 0) throw new TransientCallException($"nopCommerce {operation}: HTTP 401 after renewing the token.", false);
            _token = null;
        }
    }

    private async ValueTask<Action<HttpRequestMessage>> AuthAsync(CancellationToken ct)
    {
        var token = await TokenAsync(ct).ConfigureAwait(false);
        return r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> TokenAsync(CancellationToken ct)
    {
        if (_token is { } cached) return cached;
        await _tokenGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is { } again) return again;
            var credentials = new JsonObject { ["password"] = settings.Password };
            if (settings.Email is { } email) credentials["email"] = email;
            if (settings.Username is { } user) credentials["username"] = user;
            var (status, reply) = await http.SendAsync(HttpMethod.Post, "Authenticate/GetToken", credentials, true, "token",
                _ => ValueTask.FromResult<Action<HttpRequestMessage>>(_ => { }), ct).ConfigureAwait(false);
            if (status == HttpStatusCode.Unauthorized) throw new PermanentCallException("nopCommerce refused the credentials.");
            return _token = reply?["token"]?.GetValue<string>() ?? throw new TransientCallException("nopCommerce returned no token.", false);
        }
        finally
        {
            _tokenGate.Release();
        }
    }
}

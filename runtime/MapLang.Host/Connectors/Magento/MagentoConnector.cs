using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.Magento;

/// <summary>
/// Magento REST V1. Reads: <c>order.get</c> (GET orders/{id}), <c>order.byIncrementId</c> (searchCriteria increment_id eq: the one
/// order). Replies: <c>order.comment</c> (POST orders/{id}/comments, optional status); <c>order.ship</c> (POST order/{id}/ship: a
/// mapped ShipOrderRequest <c>{items?, notify, appendComment, tracks[]}</c> or the fields <c>track_number</c>/<c>title</c>/<c>carrier_code</c>;
/// skipped when a shipment of the order already has one of its track numbers); <c>order.invoice</c> (POST order/{id}/invoice with a
/// mapped InvoiceOrderRequest; skipped when the order is fully invoiced or an invoice of the order carries the request's comment).
/// Writes: <c>source-items</c>, <c>product.save</c> (PUT products/{sku}: an upsert), <c>customer.upsert</c> (the account of the e-mail
/// updated, or created). Poll: <c>orders.since</c> (searchCriteria
/// updated_at ≥ the watermark, oldest first: whole orders). Admin tokens are cached and renewed once on 401.
/// </summary>
public sealed class MagentoConnector(string name, StoreHttp http, MagentoSettings settings) : IConnector, IPollSource
{
    private const int PageSize = 100;

    private readonly SemaphoreSlim _tokenGate = new(1, 1);
    private string? _adminToken;

    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct) => operation switch
    {
        "order.get" => await SendAsync(HttpMethod.Get, $"orders/{Uri.EscapeDataString(id)}", null, true, operation, ct).ConfigureAwait(false),
        "order.byIncrementId" => await OrderByIncrementIdAsync(id, ct).ConfigureAwait(false),
        _ => throw new PermanentCallException($"Magento has no read '{operation}' (order.get, order.byIncrementId)."),
    };

    /// <summary>The order whose increment_id (the number the customer sees, M3's CUOR) is <paramref name="incrementId"/>.</summary>
    private async Task<JsonNode> OrderByIncrementIdAsync(string incrementId, CancellationToken ct)
    {
        var reply = await SendAsync(HttpMethod.Get, "orders?" + Filter("increment_id", incrementId.Trim(), "eq") + "&searchCriteria[pageSize]=2", null, true, "orders.byIncrementId", ct)
            .ConfigureAwait(false);
        var orders = (reply?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return orders.Count switch
        {
            0 => throw new PermanentCallException($"Magento has no order with increment_id '{incrementId}'."),
            1 => orders[0].DeepClone(),
            _ => throw new PermanentCallException($"Magento has {orders.Count} orders with increment_id '{incrementId}' (several store views?): a person must decide."),
        };
    }

    /// <summary>One searchCriteria filter (group 0, filter 0).</summary>
    private static string Filter(string field, string value, string condition) =>
        $"searchCriteria[filter_groups][0][filters][0][field]={field}&searchCriteria[filter_groups][0][filters][0][value]={Uri.EscapeDataString(value)}" +
        $"&searchCriteria[filter_groups][0][filters][0][condition_type]={condition}";

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct) => operation switch
    {
        "source-items" => await SaveSourceItemsAsync(record, ct).ConfigureAwait(false),
        "product.save" => await SaveProductAsync(record, ct).ConfigureAwait(false),
        "customer.upsert" => await UpsertCustomerAsync(record, ct).ConfigureAwait(false),
        _ => throw new PermanentCallException($"Magento has no write '{operation}' (source-items, product.save, customer.upsert)."),
    };

    /// <summary>
    /// POST inventory/source-items. One source item whose SKU Magento does not have (400 "Validation Failed" naming the sku, or 404 "The
    /// product that was requested doesn't exist") is skipped: <c>{"skipped": …}</c>. A batch of several still fails as a whole.
    /// </summary>
    private async Task<JsonNode?> SaveSourceItemsAsync(JsonNode record, CancellationToken ct)
    {
        var items = record is JsonArray ? (JsonArray)record.DeepClone() : new JsonArray(record.DeepClone());
        try
        {
            return await SendAsync(HttpMethod.Post, "inventory/source-items", new JsonObject { ["sourceItems"] = items }, true, "source-items", ct).ConfigureAwait(false);
        }
        catch (PermanentCallException e) when (items is [JsonObject item] && item["sku"]?.ToString() is { Length: > 0 } sku && SkuUnknown(e, sku))
        {
            return NotListed.Skipped("Magento", sku);
        }
    }

    private static bool SkuUnknown(PermanentCallException e, string sku) =>
        NotListed.TryRefusal(e, out var status, out var body) && status switch
        {
            400 => body?["message"]?.ToString() == "Validation Failed" && body["parameters"]?["sku"]?.ToString() == sku,
            404 => NotListed.Contains(body?["message"]?.ToString(), "product that was requested doesn't exist"),
            _ => false,
        };

    /// <summary>
    /// The account of the customer's e-mail (a mapped Customer, or <c>{"customer": …}</c>): found by customers/search (email eq), its
    /// fields overlaid by the record's and PUT customers/{id} when one differs; POST customers when there is none. Never a second account
    /// for one e-mail, safe to repeat; two accounts with the e-mail (several websites) go to a person.
    /// </summary>
    private async Task<JsonNode?> UpsertCustomerAsync(JsonNode record, CancellationToken ct)
    {
        var customer = (JsonObject)(record is JsonObject { } wrapped && wrapped["customer"] is JsonObject inner ? inner : record as JsonObject ?? [])
            .DeepClone();
        var email = customer["email"]?.ToString().Trim() is { Length: > 0 } e ? e : throw new PermanentCallException("Magento customer.upsert: the customer has no email.");
        var found = await SendAsync(HttpMethod.Get, "customers/search?" + Filter("email", email, "eq") + "&searchCriteria[pageSize]=2", null, true, "customers.byEmail", ct)
            .ConfigureAwait(false);
        var accounts = (found?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (accounts.Count > 1) throw new PermanentCallException($"Magento has {accounts.Count} customer accounts with e-mail '{email}' (several websites?): a person must decide.");
        if (accounts.Count == 0) return await SendAsync(HttpMethod.Post, "customers", new JsonObject { ["customer"] = customer }, false, "customer.create", ct).ConfigureAwait(false);
        var account = accounts[0];
        if (customer.All(f => JsonNode.DeepEquals(f.Value, account[f.Key]))) return account.DeepClone();
        var merged = (JsonObject)account.DeepClone();
        foreach (var (field, value) in customer) merged[field] = value?.DeepClone();
        var id = account["id"]?.ToString() ?? throw new PermanentCallException($"Magento customer.upsert: the account of '{email}' has no id.");
        return await SendAsync(HttpMethod.Put, $"customers/{Uri.EscapeDataString(id)}", new JsonObject { ["customer"] = merged }, true, "customer.update", ct).ConfigureAwait(false);
    }

    /// <summary>PUT products/{sku} with <c>{"product": …}</c> (a mapped Product, or a ProductSaveRequest as it is): creates or updates, safe to repeat.</summary>
    private async Task<JsonNode?> SaveProductAsync(JsonNode record, CancellationToken ct)
    {
        var body = record is JsonObject { } wrapped && wrapped["product"] is JsonObject ? (JsonObject)wrapped.DeepClone() : new JsonObject { ["product"] = record.DeepClone() };
        var sku = (body["product"] as JsonObject)?["sku"]?.ToString().Trim() is { Length: > 0 } s ? s : throw new PermanentCallException("Magento product.save: the product has no sku.");
        return await SendAsync(HttpMethod.Put, $"products/{Uri.EscapeDataString(sku)}", body, true, "product.save", ct).ConfigureAwait(false);
    }

    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        var order = Uri.EscapeDataString(id);
        switch (operation)
        {
            case "order.comment":
                var history = new JsonObject
                {
                    ["comment"] = fields["comment"]?.ToString() ?? "",
                    ["is_customer_notified"] = 0,
                    ["is_visible_on_front"] = 0,
                };
                if (fields["status"] is { } status) history["status"] = status.ToString();
                await SendAsync(HttpMethod.Post, $"orders/{order}/comments", new JsonObject { ["statusHistory"] = history }, false, operation, ct).ConfigureAwait(false);
                break;
            case "order.ship":
                await ShipAsync(id, fields, ct).ConfigureAwait(false);
                break;
            case "order.invoice":
                await InvoiceAsync(id, fields, ct).ConfigureAwait(false);
                break;
            default:
                throw new PermanentCallException($"Magento has no reply '{operation}' (order.comment, order.ship, order.invoice).");
        }
    }

    /// <summary>
    /// POST order/{id}/ship with the mapped request (or one track made of the simple fields), unless a shipment of the order already
    /// carries one of the request's track numbers: Magento would create a second shipment for a retried reply.
    /// </summary>
    private async Task ShipAsync(string id, JsonObject fields, CancellationToken ct)
    {
        var request = fields["tracks"] is JsonArray ? (JsonObject)fields.DeepClone() : new JsonObject
        {
            ["notify"] = false,
            ["tracks"] = new JsonArray(new JsonObject
            {
                ["track_number"] = fields["track_number"]?.ToString() ?? "",
                ["title"] = fields["title"]?.ToString() ?? "Carrier",
                ["carrier_code"] = fields["carrier_code"]?.ToString() ?? "custom",
            }),
        };
        var numbers = (request["tracks"] as JsonArray ?? []).Select(t => t?["track_number"]?.ToString()).OfType<string>().Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (numbers.Count > 0)
        {
            var shipments = await SendAsync(HttpMethod.Get, "shipments?" + Filter("order_id", id, "eq"), null, true, "shipments.byOrder", ct).ConfigureAwait(false);
            if ((shipments?["items"] as JsonArray ?? []).SelectMany(s => s?["tracks"] as JsonArray ?? []).Any(t => numbers.Contains(t?["track_number"]?.ToString() ?? "")))
                return;
        }
        await SendAsync(HttpMethod.Post, $"order/{Uri.EscapeDataString(id)}/ship", request, false, "order.ship", ct).ConfigureAwait(false);
    }

    /// <summary>
    /// POST order/{id}/invoice with the mapped request, unless nothing of the order is left to invoice (every item's qty_invoiced
    /// reaches qty_ordered less qty_canceled) or an invoice of the order already carries the request's comment (the one naming the
    /// M3 invoice): Magento would refuse the first and create a second invoice for a retried reply.
    /// </summary>
    private async Task InvoiceAsync(string id, JsonObject fields, CancellationToken ct)
    {
        var order = await SendAsync(HttpMethod.Get, $"orders/{Uri.EscapeDataString(id)}", null, true, "order.get", ct).ConfigureAwait(false);
        var items = (order?["items"] as JsonArray ?? []).OfType<JsonObject>().Where(i => i["parent_item_id"] is null).ToList();
        if (items.Count > 0 && items.All(i => Number(i, "qty_invoiced") >= Number(i, "qty_ordered") - Number(i, "qty_canceled"))) return;
        if (fields["comment"]?["comment"]?.ToString() is { Length: > 0 } comment)
        {
            var invoices = await SendAsync(HttpMethod.Get, "invoices?" + Filter("order_id", id, "eq"), null, true, "invoices.byOrder", ct).ConfigureAwait(false);
            if ((invoices?["items"] as JsonArray ?? []).SelectMany(v => v?["comments"] as JsonArray ?? []).Any(c => c?["comment"]?.ToString() == comment)) return;
        }
        await SendAsync(HttpMethod.Post, $"order/{Uri.EscapeDataString(id)}/invoice", fields.DeepClone(), false, "order.invoice", ct).ConfigureAwait(false);
    }

    private static decimal Number(JsonObject item, string field) =>
        item[field] is JsonValue v && (v.TryGetValue<decimal>(out var d) || decimal.TryParse(v.ToString(), NumberStyles.Number, CultureInfo.InvariantCulture, out d)) ? d : 0m;

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation != "orders.since") throw new PermanentCallException($"Magento cannot be polled for '{operation}' (orders.since).");
        var since = DateTimeOffset.Parse(watermark, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var found = new List<JsonNode>();
        var newest = since;
        for (var page = 1; page <= 50; page++)
        {
            // Magento keeps updated_at in UTC as "yyyy-MM-dd HH:mm:ss"; gteq because a second may hold more orders than one poll saw.
            var query = "orders?" + Filter("updated_at", since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), "gteq") +
                        "&searchCriteria[sortOrders][0][field]=updated_at&searchCriteria[sortOrders][0][direction]=ASC" +
                        $"&searchCriteria[pageSize]={PageSize}&searchCriteria[currentPage]={page}";
            var reply = await SendAsync(HttpMethod.Get, query, null, true, "orders.list", ct).ConfigureAwait(false);
            var items = (reply?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            foreach (var order in items)
            {
                found.Add(order.DeepClone());
                if (order["updated_at"]?.ToString() is { } updated
                    && DateTimeOffset.TryParse(updated, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at > newest) newest = at;
            }
            var total = reply?["total_count"]?.GetValue<int>() ?? 0;
            if (items.Count < PageSize || page * PageSize >= total) break;
        }
        return new PollBatch(found, newest.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (status, reply) = await http.SendAsync(method, path, body, safe, operation, AuthAsync, ct).ConfigureAwait(false);
            if (status != HttpStatusCode.Unauthorized) return reply;
            if (attempt > 0 || settings.Token is not null) throw new TransientCallException($"Magento {operation}: HTTP 401.", false);
            _adminToken = null;
        }
    }

    private async ValueTask<Action<HttpRequestMessage>> AuthAsync(CancellationToken ct)
    {
        var token = settings.Token ?? await AdminTokenAsync(ct).ConfigureAwait(false);
        return r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
    }

    private async Task<string> AdminTokenAsync(CancellationToken ct)
    {
        if (_adminToken is { } cached) return cached;
        await _tokenGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_adminToken is { } again) return again;
            var (_, reply) = await http.SendAsync(HttpMethod.Post, "integration/admin/token",
                new JsonObject { ["username"] = settings.Username, ["password"] = settings.Password }, true, "token", _ => ValueTask.FromResult<Action<HttpRequestMessage>>(_ => { }), ct)
                .ConfigureAwait(false);
            return _adminToken = reply?.GetValue<string>() ?? throw new TransientCallException("Magento returned no admin token.", false);
        }
        finally
        {
            _tokenGate.Release();
        }
    }
}

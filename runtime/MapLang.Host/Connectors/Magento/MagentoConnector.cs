using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.Magento;

/// <summary>
/// Magento REST V1: <c>order.get</c> (GET orders/{id}), replies <c>order.comment</c> (POST orders/{id}/comments, optional status),
/// <c>order.ship</c> (POST order/{id}/ship with a track) and <c>source-items</c> writes; poll <c>orders.since</c> (searchCriteria updated_at ≥
/// the watermark, oldest first: whole orders). Admin tokens are cached and renewed once on 401.
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
        _ => throw new PermanentCallException($"Magento has no read '{operation}' (order.get)."),
    };

    public async Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct) => operation switch
    {
        "source-items" => await SendAsync(HttpMethod.Post, "inventory/source-items", new JsonObject { ["sourceItems"] = record is JsonArray ? record.DeepClone() : new JsonArray(record.DeepClone()) }, true, operation, ct).ConfigureAwait(false),
        _ => throw new PermanentCallException($"Magento has no write '{operation}' (source-items)."),
    };

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
                var track = new JsonObject
                {
                    ["track_number"] = fields["track_number"]?.ToString() ?? "",
                    ["title"] = fields["title"]?.ToString() ?? "Carrier",
                    ["carrier_code"] = fields["carrier_code"]?.ToString() ?? "custom",
                };
                await SendAsync(HttpMethod.Post, $"order/{order}/ship", new JsonObject { ["notify"] = false, ["tracks"] = new JsonArray(track) }, false, operation, ct).ConfigureAwait(false);
                break;
            default:
                throw new PermanentCallException($"Magento has no reply '{operation}' (order.comment, order.ship).");
        }
    }

    public async Task<PollBatch> PollAsync(string operation, string watermark, IReadOnlyDictionary<string, string> parameters, CancellationToken ct)
    {
        if (operation != "orders.since") throw new PermanentCallException($"Magento cannot be polled for '{operation}' (orders.since).");
        var since = DateTimeOffset.Parse(watermark, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var found = new List<JsonNode>();
        var newest = since;
        for (var page = 1; page <= 50; page++)
        {
            // Magento keeps updated_at in UTC as "yyyy-MM-dd HH:mm:ss"; gteq because a second may hold more orders than one poll saw.
            var query = "orders?searchCriteria[filter_groups][0][filters][0][field]=updated_at" +
                        $"&searchCriteria[filter_groups][0][filters][0][value]={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))}" +
                        "&searchCriteria[filter_groups][0][filters][0][condition_type]=gteq" +
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

using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.BigCommerce;

/// <summary>
/// BigCommerce: webhooks are thin (<c>{scope, data:{type,id}, hash…}</c>), so <c>order.get</c> fetches the order with its
/// <c>products</c> and <c>shipping_addresses</c> (v2) as one document. Reply <c>order.status</c> PUTs <c>status_id</c>. Calls are paced by
/// the store's 30-second window (<see cref="Resilience.WindowRateGate"/>).
/// </summary>
public sealed class BigCommerceConnector(string name, StoreHttp http, BigCommerceSettings settings) : IConnector
{
    public string Name => name;

    public async Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken ct)
    {
        if (operation != "order.get") throw new PermanentCallException($"BigCommerce has no read '{operation}' (order.get).");
        var order = Uri.EscapeDataString(id);
        var head = await SendAsync(HttpMethod.Get, $"v2/orders/{order}", null, true, "orders.get", ct).ConfigureAwait(false) as JsonObject
                   ?? throw new PermanentCallException($"BigCommerce order {id} was not returned.");
        head["products"] = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/products", null, true, "orders.products", ct).ConfigureAwait(false) ?? new JsonArray();
        head["shipping_addresses"] = await SendAsync(HttpMethod.Get, $"v2/orders/{order}/shipping_addresses", null, true, "orders.shipping_addresses", ct).ConfigureAwait(false) ?? new JsonArray();
        return head;
    }

    public Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken ct) => operation switch
    {
        "inventory.absolute" => SendAsync(HttpMethod.Put, "v3/inventory/adjustments/absolute", record.DeepClone(), true, operation, ct),
        _ => throw new PermanentCallException($"BigCommerce has no write '{operation}' (inventory.absolute)."),
    };

    public async Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken ct)
    {
        if (operation != "order.status") throw new PermanentCallException($"BigCommerce has no reply '{operation}' (order.status).");
        var statusId = int.Parse(fields["status_id"]?.ToString() ?? throw new PermanentCallException("order.status needs status_id."), System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(HttpMethod.Put, $"v2/orders/{Uri.EscapeDataString(id)}", new JsonObject { ["status_id"] = statusId }, true, "orders.update", ct).ConfigureAwait(false);
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe, string operation, CancellationToken ct)
    {
        var (status, reply) = await http.SendAsync(method, path, body, safe, operation,
            _ => ValueTask.FromResult<Action<HttpRequestMessage>>(r => r.Headers.Add("X-Auth-Token", settings.AccessToken)), ct).ConfigureAwait(false);
        if (status == HttpStatusCode.Unauthorized) throw new TransientCallException($"BigCommerce {operation}: HTTP 401.", false);
        return reply;
    }
}

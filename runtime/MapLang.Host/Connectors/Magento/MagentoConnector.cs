using System.Net;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.Magento;

/// <summary>
/// Magento REST V1: <c>order.get</c> (GET orders/{id}), replies <c>order.comment</c> (POST orders/{id}/comments, optional status),
/// <c>order.ship</c> (POST order/{id}/ship with a track) and <c>source-items</c> writes. Admin tokens are cached and renewed once on 401.
/// </summary>
public sealed class MagentoConnector(string name, StoreHttp http, MagentoSettings settings) : IConnector
{
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
        "source-items" => await SendAsync(HttpMethod.Post, "inventory/source-items", new JsonObject { ["sourceItems"] = record.DeepClone() }, true, operation, ct).ConfigureAwait(false),
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

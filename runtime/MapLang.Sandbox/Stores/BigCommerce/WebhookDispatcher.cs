using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace MapLang.Sandbox.Stores.BigCommerce;

/// <summary>
/// Posts thin BigCommerce callbacks <c>{scope, store_id, data:{type,id}, hash, created_at, producer}</c> to the registered destinations
/// with the hook's custom headers, retrying a failed delivery (non-2xx or no connection) after <see cref="BigCommerceOptions.WebhookRetryDelays"/>.
/// </summary>
public sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly BigCommerceOptions _options;
    private readonly Func<DateTimeOffset> _now;
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public WebhookDispatcher(BigCommerceOptions options, Func<DateTimeOffset> now)
    {
        _options = options;
        _now = now;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Every delivery (in order of publication) with its attempts, for tests and the inspection endpoint.</summary>
    public ConcurrentQueue<WebhookDelivery> Deliveries { get; } = new();

    internal void Publish(BigCommerceSimulator store, string scope, JsonObject data)
    {
        List<JsonObject> hooks;
        lock (store.Gate)
            hooks = store.Hooks.Values.Where(h => h["is_active"]?.GetValue<bool>() != false && Matches(h["scope"]!.GetValue<string>(), scope))
                .Select(h => (JsonObject)h.DeepClone()).ToList();
        foreach (var hook in hooks)
        {
            var payload = new JsonObject
            {
                ["scope"] = scope,
                ["store_id"] = _options.StoreId,
                ["data"] = data.DeepClone(),
                ["hash"] = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(scope + data.ToJsonString() + Guid.NewGuid()))),
                ["created_at"] = _now().ToUnixTimeSeconds(),
                ["producer"] = "stores/" + _options.StoreHash,
            };
            var headers = (hook["headers"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") ?? [];
            var delivery = new WebhookDelivery(hook["id"]!.GetValue<int>(), hook["destination"]!.GetValue<string>(), scope, payload.ToJsonString(), headers);
            Deliveries.Enqueue(delivery);
            _queue.Writer.TryWrite(delivery);
        }
    }

    private static bool Matches(string subscribed, string scope) =>
        subscribed == scope || (subscribed.EndsWith("/*", StringComparison.Ordinal) && scope.StartsWith(subscribed[..^1], StringComparison.Ordinal));

    private async Task RunAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stop.Token))
                _ = DeliverAsync(delivery);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery)
    {
        for (var attempt = 0; attempt <= _options.WebhookRetryDelays.Length && !_stop.IsCancellationRequested; attempt++)
        {
            if (attempt > 0)
            {
                try { await Task.Delay(_options.WebhookRetryDelays[attempt - 1], _stop.Token); }
                catch (OperationCanceledException) { return; }
            }
            int status;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Destination) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
                foreach (var (k, v) in delivery.Headers) request.Headers.TryAddWithoutValidation(k, v);
                using var response = await _http.SendAsync(request, _stop.Token);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }
            delivery.Attempts.Enqueue(status);
            if (status is >= 200 and < 300)
            {
                delivery.Delivered = true;
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _queue.Writer.TryComplete();
        await _loop;
        _http.Dispose();
        _stop.Dispose();
    }
}

public sealed class WebhookDelivery(int hookId, string destination, string scope, string payload, IReadOnlyDictionary<string, string> headers)
{
    public int HookId { get; } = hookId;
    public string Destination { get; } = destination;
    public string Scope { get; } = scope;
    public string Payload { get; } = payload;
    public IReadOnlyDictionary<string, string> Headers { get; } = headers;
    /// <summary>HTTP status of each attempt (0 = no connection).</summary>
    public ConcurrentQueue<int> Attempts { get; } = new();
    public volatile bool Delivered;
}

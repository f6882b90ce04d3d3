using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Tests.Stores;

public sealed class BigCommerceTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = await SandboxHost.StartAsync(new SandboxOptions { BigCommerce = { RateLimitQuota = 40, WebhookRetryDelays = [TimeSpan.FromMilliseconds(50)] } });
        _http = new HttpClient { BaseAddress = _host.BigCommerceBaseUri };
        _http.DefaultRequestHeaders.Add("X-Auth-Token", _host.BigCommerce.Options.AccessToken);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Orders_products_addresses_and_shipments_have_the_example_shapes()
    {
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("v2/orders/218")), Reference.Json("bigcommerce/examples/order.example.json"));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("v2/orders")), new JsonArray(Reference.Json("bigcommerce/examples/order.example.json")));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("v2/orders/218/products")), Reference.Json("bigcommerce/examples/order-products.list.example.json"));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("v2/orders/218/shipping_addresses")), Reference.Json("bigcommerce/examples/order-shipping-addresses.list.example.json"));
        JsonShape.ShouldMatch(JsonNode.Parse(await _http.GetStringAsync("v3/catalog/products/77")), Reference.Json("bigcommerce/examples/product.example.json"));

        var products = JsonNode.Parse(await _http.GetStringAsync("v2/orders/218/products"))!.AsArray();
        using var shipped = await _http.PostAsJsonAsync("v2/orders/218/shipments", new
        {
            order_address_id = 132, tracking_number = "1Z999", shipping_provider = "ups",
            items = products.Select(p => new { order_product_id = p!["id"]!.GetValue<int>(), quantity = p["quantity"]!.GetValue<int>() }),
        });
        shipped.StatusCode.ShouldBe(HttpStatusCode.Created);
        JsonShape.ShouldMatch(JsonNode.Parse(await shipped.Content.ReadAsStringAsync()), Reference.Json("bigcommerce/examples/order-shipment.example.json"));
        JsonNode.Parse(await _http.GetStringAsync("v2/orders/218"))!["status_id"]!.GetValue<int>().ShouldBe(2);

        (await _http.GetAsync("v2/orders?min_id=9999")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        using var missing = await _http.GetAsync("v2/orders/1");
        JsonNode.Parse(await missing.Content.ReadAsStringAsync())![0]!["status"]!.GetValue<int>().ShouldBe(404);
    }

    [Fact]
    public async Task Inventory_adjustments_set_the_variant_level()
    {
        (await _http.PutAsJsonAsync("v3/inventory/adjustments/absolute", new { reason = "M3", items = new[] { new { location_id = 1, sku = "ABS", quantity = 12 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await _http.PostAsJsonAsync("v3/inventory/adjustments/relative", new { reason = "M3", items = new[] { new { location_id = 1, sku = "ABS", quantity = -2 } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        JsonNode.Parse(await _http.GetStringAsync("v3/catalog/variants?sku=ABS"))!["data"]![0]!["inventory_level"]!.GetValue<int>().ShouldBe(10);
        using var bad = await _http.PutAsJsonAsync("v3/inventory/adjustments/absolute", new { items = new[] { new { location_id = 1, sku = "NOPE", quantity = 1 } } });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, await bad.Content.ReadAsStringAsync());
        JsonNode.Parse(await bad.Content.ReadAsStringAsync())!.AsObject().Select(p => p.Key).ShouldBe(["status", "title", "type", "errors"]);
    }

    [Fact]
    public async Task Rate_limit_headers_and_429_when_the_window_quota_is_spent()
    {
        HttpResponseMessage? last = null;
        for (var i = 0; i < 41; i++)
        {
            last?.Dispose();
            last = await _http.GetAsync("v2/orders/218");
        }
        last!.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        last.Headers.GetValues("X-Rate-Limit-Requests-Left").Single().ShouldBe("0");
        last.Headers.GetValues("X-Rate-Limit-Requests-Quota").Single().ShouldBe("40");
        last.Headers.GetValues("X-Rate-Limit-Time-Window-Ms").Single().ShouldBe("30000");
        int.Parse(last.Headers.GetValues("X-Rate-Limit-Time-Reset-Ms").Single()).ShouldBeInRange(1, 30000);
        _host.Clock.Advance(TimeSpan.FromSeconds(31));
        (await _http.GetAsync("v2/orders/218")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Webhooks_are_thin_and_retried_until_accepted()
    {
        var received = new ConcurrentQueue<string>();
        var calls = 0;
        var receiver = WebApplication.CreateSlimBuilder();
        receiver.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = receiver.Build();
        app.MapPost("/hook", async (HttpContext ctx) =>
        {
            var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
            if (Interlocked.Increment(ref calls) == 1) return Results.StatusCode(500);
            received.Enqueue(ctx.Request.Headers["custom-key"] + "|" + body);
            return Results.Ok();
        });
        await app.StartAsync();

        var hook = Reference.Json("bigcommerce/examples/webhook-subscription.example.json")["data"]!;
        using var created = await _http.PostAsJsonAsync("v3/hooks", new { scope = "store/order/*", destination = app.Urls.First() + "/hook", is_active = true, headers = hook["headers"] });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        JsonShape.ShouldMatch(JsonNode.Parse(await created.Content.ReadAsStringAsync()), Reference.Json("bigcommerce/examples/webhook-subscription.example.json"));

        var id = _host.BigCommerce.AddOrder("new.buyer@example.com", [("ABS", 1, 10m)]);
        // The retry follows a backoff; on a busy machine it can take a few seconds.
        for (var i = 0; i < 750 && received.IsEmpty; i++) await Task.Delay(20);
        received.TryDequeue(out var first).ShouldBeTrue();
        var parts = first!.Split('|', 2);
        parts[0].ShouldBe("developer-defined value");
        var payload = JsonNode.Parse(parts[1])!;
        JsonShape.ShouldMatch(payload, Reference.Json("bigcommerce/examples/webhook.order.created.json"));
        payload["data"]!["id"]!.GetValue<int>().ShouldBe(id);
        // The receiver saw the body before its 200 reached the dispatcher, which records the attempt only then.
        var delivery = _host.BigCommerce.Webhooks.Deliveries.Single();
        for (var i = 0; i < 250 && !delivery.Delivered; i++) await Task.Delay(20);
        delivery.Attempts.ShouldBe([500, 200]);
    }
}

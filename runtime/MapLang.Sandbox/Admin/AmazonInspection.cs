using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Stores.Amazon;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Admin;

/// <summary>
/// <c>/_sandbox/amazon/…</c>: the notification queue (receive <c>GET queue/messages?max=10&amp;visibilityTimeout=30</c>, delete
/// <c>DELETE queue/messages/{receiptHandle}</c>), every published notification, shipment confirmations and quantity updates received.
/// </summary>
internal static class AmazonInspection
{
    public static void Map(RouteGroupBuilder admin, AmazonSimulator amazon, JsonSerializerOptions json)
    {
        admin.MapGet("/amazon/queue/messages", (int? max, int? visibilityTimeout) =>
            Results.Json(new { messages = amazon.Queue.Receive(max ?? 10, visibilityTimeout is { } s ? TimeSpan.FromSeconds(s) : null) }, json));
        admin.MapDelete("/amazon/queue/messages/{receiptHandle}", (string receiptHandle) =>
            amazon.Queue.Delete(receiptHandle) ? Results.NoContent() : Results.NotFound());
        admin.MapGet("/amazon/notifications", () => Results.Json(new JsonArray(amazon.Queue.Published.Select(p => JsonNode.Parse(p)).ToArray())));
        admin.MapGet("/amazon/shipments", () =>
        {
            lock (amazon.Gate)
                return Results.Json(new JsonObject(amazon.Orders.Values.Where(o => o.Shipments.Count > 0)
                    .Select(o => KeyValuePair.Create(o.Id, (JsonNode?)new JsonArray(o.Shipments.Select(s => s.DeepClone()).ToArray())))));
        });
        admin.MapGet("/amazon/quantity-updates", () => Results.Json(amazon.QuantityUpdates.ToArray(), json));
        admin.MapPost("/amazon/orders", async Task<IResult> (HttpContext http) =>
        {
            var lines = (await JsonNode.ParseAsync(http.Request.Body))?["lines"]?.AsArray().OfType<JsonObject>()
                .Select(l => (l["sku"]!.GetValue<string>(), l["quantity"]?.GetValue<int>() ?? 1, l["price"]?.GetValue<decimal>() ?? 10m)).ToList();
            if (lines is null || lines.Count == 0) return Results.BadRequest(new { error = "lines [{sku, quantity, price}] required" });
            return Results.Json(new { amazonOrderId = amazon.AddOrder(lines) }, json, statusCode: 201);
        });
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.Clarity;

/// <summary>
/// ASSUMED REST surface under <c>/clarity/api</c> — Clarity publishes no API; this is a stand-in to be replaced by the customer's own:
/// <c>GET SalesOrders?StatusKey=&amp;CreatedAfter=&amp;Skip=&amp;Take=</c> → <c>{Results, TotalCount}</c>, <c>GET SalesOrders/{id}</c>,
/// <c>PUT SalesOrders/{id}/Status {StatusKey}</c>, <c>POST|GET SalesOrders/{id}/Shipments</c>, <c>GET Products?CustomKey=</c>,
/// <c>GET|PUT Inventory</c>. Errors use ServiceStack's <c>{ResponseStatus:{ErrorCode, Message, Errors}}</c> because the framework is
/// known to be ServiceStack-based (also an assumption about this API).
/// </summary>
internal static class ClarityEndpoints
{
    private const string S = ClaritySimulator.System;

    public static void Map(IEndpointRouteBuilder app, ClaritySimulator c)
    {
        var api = app.MapGroup("/clarity/api");
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var request = ctx.HttpContext.Request;
            var key = request.Headers["X-Api-Key"].ToString() is { Length: > 0 } k ? k : TokenStore.FromAuthorization(request.Headers.Authorization);
            return key == c.Options.ApiKey ? await next(ctx) : Error(401, "Unauthorized", "A valid API key is required (X-Api-Key or Authorization: Bearer).");
        });

        api.MapGet("/SalesOrders", (HttpContext http) => List(c, http.Request.Query)).Op(S, "orders.list");
        api.MapGet("/SalesOrders/{id:int}", (int id) => WithOrder(c, id, o => Results.Json(o.DeepClone()))).Op(S, "orders.get");
        api.MapPut("/SalesOrders/{id:int}/Status", async (HttpContext http, int id) =>
        {
            var status = (await Body(http))?["StatusKey"]?.GetValue<string>();
            if (status is null || !ClaritySimulator.StatusKeys.Contains(status))
                return Error(400, "ArgumentException", $"StatusKey must be one of {string.Join(", ", ClaritySimulator.StatusKeys)}.", "StatusKey");
            return WithOrder(c, id, o =>
            {
                o["StatusKey"] = status;
                return Results.Json(o.DeepClone());
            });
        }).Op(S, "orders.status");
        api.MapPost("/SalesOrders/{id:int}/Shipments", async (HttpContext http, int id) => ClarityShipments.Create(c, id, await Body(http))).Op(S, "shipments.create");
        api.MapGet("/SalesOrders/{id:int}/Shipments", (int id) => WithOrder(c, id, _ =>
            Results.Json(new JsonArray(c.Shipments.Values.Where(s => s["SalesOrderID"]!.GetValue<int>() == id).Select(s => s.DeepClone()).ToArray())))).Op(S, "shipments.list");

        api.MapGet("/Products", (string? customKey) =>
        {
            lock (c.Gate)
            {
                var hits = c.Products.Values.Where(p => customKey is null || p["CustomKey"]!.GetValue<string>() == customKey).ToList();
                return Results.Json(new JsonObject { ["Results"] = new JsonArray(hits.Select(p => p.DeepClone()).ToArray()), ["TotalCount"] = hits.Count });
            }
        }).Op(S, "products.list");
        api.MapGet("/Inventory", (string? productKey) =>
        {
            lock (c.Gate)
                return Results.Json(new JsonArray(c.Inventory.Where(i => productKey is null || i.Key.Product == productKey)
                    .Select(i => (JsonNode)Level(i.Key.Product, i.Key.Location, i.Value)).ToArray()));
        }).Op(S, "inventory.list");
        api.MapPut("/Inventory", async Task<IResult> (HttpContext http) =>
        {
            var body = await Body(http);
            var product = body?["ProductKey"]?.GetValue<string>();
            var location = body?["LocationKey"]?.GetValue<string>() ?? "MAIN";
            if (product is null || body?["Quantity"] is not JsonValue q || !q.TryGetValue<decimal>(out var quantity) || quantity < 0)
                return Error(400, "ArgumentException", "ProductKey and a Quantity of 0 or more are required.", "Quantity");
            lock (c.Gate)
            {
                if (c.Products.Values.All(p => p["CustomKey"]!.GetValue<string>() != product)) return Error(404, "NotFound", $"Product '{product}' not found.", "ProductKey");
                c.Inventory[(product, location)] = quantity;
                c.InventoryUpdates.Enqueue(new ClaritySimulator.InventoryUpdate(product, location, quantity, c.UtcNow));
                return Results.Json(Level(product, location, quantity));
            }
        }).Op(S, "inventory.update");
    }

    private static JsonObject Level(string product, string location, decimal quantity) =>
        new() { ["ProductKey"] = product, ["LocationKey"] = location, ["Quantity"] = quantity };

    /// <summary>Filters StatusKey, AccountKey, CreatedAfter (ISO 8601); paging Skip/Take (default 50, at most 200); oldest first.</summary>
    private static IResult List(ClaritySimulator c, IQueryCollection q)
    {
        var after = DateTimeOffset.TryParse(q["CreatedAfter"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null;
        var skip = int.TryParse(q["Skip"], out var s) ? Math.Max(0, s) : 0;
        var take = int.TryParse(q["Take"], out var t) ? Math.Clamp(t, 1, 200) : 50;
        lock (c.Gate)
        {
            var hits = c.Orders.Values
                .Where(o => q["StatusKey"].Count == 0 || q["StatusKey"] == o["StatusKey"]?.GetValue<string>())
                .Where(o => q["AccountKey"].Count == 0 || q["AccountKey"] == o["AccountKey"]?.GetValue<string>())
                .Where(o => after is null || DateTimeOffset.Parse(o["CreatedDate"]!.GetValue<string>(), CultureInfo.InvariantCulture) > after)
                .ToList();
            return Results.Json(new JsonObject
            {
                ["Results"] = new JsonArray(hits.Skip(skip).Take(take).Select(o => o.DeepClone()).ToArray()), ["TotalCount"] = hits.Count,
            });
        }
    }

    internal static IResult WithOrder(ClaritySimulator c, int id, Func<JsonObject, IResult> action)
    {
        lock (c.Gate) return c.Orders.TryGetValue(id, out var o) ? action(o) : Error(404, "NotFound", $"Sales order {id} not found.");
    }

    internal static IResult Error(int status, string code, string message, string? field = null) => Results.Json(new JsonObject
    {
        ["ResponseStatus"] = new JsonObject
        {
            ["ErrorCode"] = code, ["Message"] = message,
            ["Errors"] = field is null ? new JsonArray() : new JsonArray(new JsonObject { ["ErrorCode"] = code, ["FieldName"] = field, ["Message"] = message }),
        },
    }, statusCode: status);

    internal static async Task<JsonObject?> Body(HttpContext http)
    {
        // Property names are case-insensitive, as in ServiceStack ("StatusKey" or "statusKey").
        try { return await JsonNode.ParseAsync(http.Request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject; }
        catch (JsonException) { return null; }
    }
}

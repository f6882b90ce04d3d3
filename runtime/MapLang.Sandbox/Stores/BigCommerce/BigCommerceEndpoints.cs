using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.BigCommerce;

/// <summary>
/// <c>/bigcommerce/stores/{hash}/v2|v3/…</c> with <c>X-Auth-Token</c>; every reply carries the X-Rate-Limit-* headers of the
/// store's 30 s window and a request over quota gets 429. v2 errors are <c>[{status, message}]</c>, v3 errors
/// <c>{status, title, type, errors}</c>.
/// </summary>
internal static class BigCommerceEndpoints
{
    private const string S = BigCommerceSimulator.System;
    private const string ErrorType = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes";

    public static void Map(IEndpointRouteBuilder app, BigCommerceSimulator bc)
    {
        var store = app.MapGroup("/bigcommerce/stores/{hash}");
        store.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            var v3 = http.Request.Path.Value?.Contains("/v3/", StringComparison.Ordinal) == true;
            if (!string.Equals(http.GetRouteValue("hash") as string, bc.Options.StoreHash, StringComparison.Ordinal))
                return Error(v3, 404, "Store not found");
            if (http.Request.Headers["X-Auth-Token"] != bc.Options.AccessToken)
                return Error(v3, 401, "You must provide a valid X-Auth-Token (the API account's access token).");
            var lease = bc.Limiter.Acquire();
            var h = http.Response.Headers;
            h["X-Rate-Limit-Requests-Left"] = lease.Remaining.ToString(CultureInfo.InvariantCulture);
            h["X-Rate-Limit-Requests-Quota"] = lease.Quota.ToString(CultureInfo.InvariantCulture);
            h["X-Rate-Limit-Time-Reset-Ms"] = ((long)lease.ResetIn.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            h["X-Rate-Limit-Time-Window-Ms"] = ((long)lease.Window.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            if (!lease.Allowed) return Error(v3, 429, "You have exceeded your request quota for this time window.");
            return await next(ctx);
        });

        store.MapGet("/v2/orders", (HttpContext http) => BigCommerceOrders.List(bc, http.Request.Query)).Op(S, "orders.list");
        store.MapGet("/v2/orders/count", () => { lock (bc.Gate) return Results.Json(new { count = bc.Orders.Count }); }).Op(S, "orders.count");
        store.MapGet("/v2/orders/{id:int}", (int id) => WithOrder(bc, id, o => Results.Json(o.DeepClone()))).Op(S, "orders.get");
        store.MapPut("/v2/orders/{id:int}", async (HttpContext http, int id) => BigCommerceOrders.Update(bc, id, await Body(http))).Op(S, "orders.update");
        store.MapGet("/v2/orders/{id:int}/products", (int id) => WithOrder(bc, id, _ => Results.Json(Array(bc.OrderProducts[id])))).Op(S, "orders.products");
        store.MapGet("/v2/orders/{id:int}/shipping_addresses", (int id) => WithOrder(bc, id, _ => Results.Json(Array(bc.ShippingAddresses[id])))).Op(S, "orders.shipping_addresses");
        store.MapGet("/v2/orders/{id:int}/shippingaddresses", (int id) => WithOrder(bc, id, _ => Results.Json(Array(bc.ShippingAddresses[id])))).Op(S, "orders.shipping_addresses");
        store.MapGet("/v2/orders/{id:int}/shipments", (int id) => WithOrder(bc, id, _ =>
            bc.Shipments.GetValueOrDefault(id) is { Count: > 0 } list ? Results.Json(Array(list)) : Results.NoContent())).Op(S, "orders.shipments.list");
        store.MapPost("/v2/orders/{id:int}/shipments", async (HttpContext http, int id) => BigCommerceOrders.Ship(bc, id, await Body(http))).Op(S, "orders.shipments.create");

        store.MapGet("/v3/catalog/products", (HttpContext http) => BigCommerceCatalog.Products(bc, http.Request.Query)).Op(S, "catalog.products.list");
        store.MapGet("/v3/catalog/products/{id:int}", (int id) => { lock (bc.Gate) return bc.Products.TryGetValue(id, out var p) ? Data(p) : Error(true, 404, "The requested product was not found."); }).Op(S, "catalog.products.get");
        store.MapGet("/v3/catalog/products/{id:int}/variants", (int id) => BigCommerceCatalog.Variants(bc, v => v["product_id"]!.GetValue<int>() == id)).Op(S, "catalog.variants.list");
        store.MapGet("/v3/catalog/variants", (string? sku) => BigCommerceCatalog.Variants(bc, v => sku is null || v["sku"]!.GetValue<string>() == sku)).Op(S, "catalog.variants.list");
        store.MapPut("/v3/inventory/adjustments/absolute", async Task<IResult> (HttpContext http) => BigCommerceCatalog.Adjust(bc, await Body(http), absolute: true)).Op(S, "inventory.adjustments.absolute");
        store.MapPost("/v3/inventory/adjustments/relative", async Task<IResult> (HttpContext http) => BigCommerceCatalog.Adjust(bc, await Body(http), absolute: false)).Op(S, "inventory.adjustments.relative");

        store.MapGet("/v3/customers", (HttpContext http) => BigCommerceCatalog.Customers(bc, http.Request.Query)).Op(S, "customers.list");
        store.MapPost("/v3/customers", async Task<IResult> (HttpContext http) => BigCommerceCatalog.CreateCustomers(bc, await JsonNode.ParseAsync(http.Request.Body))).Op(S, "customers.create");

        store.MapGet("/v3/hooks", () => { lock (bc.Gate) return Results.Json(new JsonObject { ["data"] = Array(bc.Hooks.Values), ["meta"] = new JsonObject() }); }).Op(S, "hooks.list");
        store.MapGet("/v3/hooks/{id:int}", (int id) => { lock (bc.Gate) return bc.Hooks.TryGetValue(id, out var h) ? Data(h) : Error(true, 404, "Webhook not found"); }).Op(S, "hooks.get");
        store.MapPost("/v3/hooks", async Task<IResult> (HttpContext http) => BigCommerceCatalog.SaveHook(bc, null, await Body(http))).Op(S, "hooks.create");
        store.MapPut("/v3/hooks/{id:int}", async (HttpContext http, int id) => BigCommerceCatalog.SaveHook(bc, id, await Body(http))).Op(S, "hooks.update");
        store.MapDelete("/v3/hooks/{id:int}", (int id) =>
        {
            lock (bc.Gate) return bc.Hooks.Remove(id, out var h) ? Data(h) : Error(true, 404, "Webhook not found");
        }).Op(S, "hooks.delete");
    }

    internal static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => i.DeepClone()).ToArray());

    internal static IResult Data(JsonNode data) => Results.Json(new JsonObject { ["data"] = data.DeepClone(), ["meta"] = new JsonObject() });

    internal static IResult WithOrder(BigCommerceSimulator bc, int id, Func<JsonObject, IResult> action)
    {
        lock (bc.Gate) return bc.Orders.TryGetValue(id, out var o) ? action(o) : Error(false, 404, "The requested resource was not found.");
    }

    internal static async Task<JsonObject?> Body(HttpContext http)
    {
        try { return await JsonNode.ParseAsync(http.Request.Body) as JsonObject; }
        catch (JsonException) { return null; }
    }

    internal static IResult Error(bool v3, int status, string message, JsonObject? errors = null) => v3
        ? Results.Json(new JsonObject { ["status"] = status, ["title"] = message, ["type"] = ErrorType, ["errors"] = errors ?? new JsonObject() }, statusCode: status)
        : Results.Json(new JsonArray(new JsonObject { ["status"] = status, ["message"] = message }), statusCode: status);
}

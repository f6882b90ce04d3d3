using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.Magento;

/// <summary>
/// Magento REST under <c>/magento/rest/V1</c> (also <c>/magento/rest/{store}/V1</c>): admin token, orders with searchCriteria,
/// ship, shipments with searchCriteria, invoice, comments, hold/cancel, products, MSI source items, customers. Errors are <c>{message, parameters?}</c>.
/// </summary>
internal static class MagentoEndpoints
{
    private const string S = MagentoSimulator.System;

    public static void Map(IEndpointRouteBuilder app, MagentoSimulator m, TokenStore tokens)
    {
        MapVersion(app.MapGroup("/magento/rest/V1"), m, tokens);
        MapVersion(app.MapGroup("/magento/rest/{store}/V1"), m, tokens);
    }

    private static void MapVersion(RouteGroupBuilder v1, MagentoSimulator m, TokenStore tokens)
    {
        v1.MapPost("/integration/admin/token", async Task<IResult> (HttpContext http) =>
        {
            var body = await Body(http);
            if (body?["username"]?.GetValue<string>() != m.Options.AdminUsername || body?["password"]?.GetValue<string>() != m.Options.AdminPassword)
                return Error(401, "The account sign-in was incorrect or your account is disabled temporarily. Please wait and try again later.");
            return Results.Json(tokens.Issue(S, m.Options.TokenLifetime));
        }).Op(S, "admin.token");

        var api = v1.MapGroup("");
        api.AddEndpointFilter(async (ctx, next) =>
            tokens.IsValid(S, TokenStore.FromAuthorization(ctx.HttpContext.Request.Headers.Authorization))
                ? await next(ctx)
                : Error(401, "The consumer isn't authorized to access %resources.", new JsonObject { ["resources"] = "Magento_Sales::sales" }));

        api.MapGet("/orders", (HttpContext http) => List(http, m, m.Orders.Values)).Op(S, "orders.list");
        api.MapGet("/orders/{id:int}", (int id) => WithOrder(m, id, o => Results.Json(o.DeepClone()))).Op(S, "orders.get");
        api.MapGet("/orders/{id:int}/statuses", (int id) => WithOrder(m, id, o => Results.Json(o["status"]?.GetValue<string>()))).Op(S, "orders.status");
        api.MapPost("/orders/{id:int}/comments", async (HttpContext http, int id) =>
        {
            var history = (await Body(http))?["statusHistory"] as JsonObject;
            if (history is null) return Error(400, "\"%fieldName\" is required. Enter and try again.", new JsonObject { ["fieldName"] = "statusHistory" });
            return WithOrder(m, id, o => MagentoOrderActions.Comment(m, o, history));
        }).Op(S, "orders.comment");
        api.MapPost("/orders/{id:int}/hold", (int id) => WithOrder(m, id, o => MagentoOrderActions.SetState(m, o, "holded", "holded"))).Op(S, "orders.hold");
        api.MapPost("/orders/{id:int}/unhold", (int id) => WithOrder(m, id, o => MagentoOrderActions.SetState(m, o, "processing", "processing"))).Op(S, "orders.unhold");
        api.MapPost("/orders/{id:int}/cancel", (int id) => WithOrder(m, id, o => MagentoOrderActions.SetState(m, o, "canceled", "canceled"))).Op(S, "orders.cancel");
        api.MapPost("/order/{id:int}/ship", async (HttpContext http, int id) =>
        {
            var body = await Body(http) ?? new JsonObject();
            return WithOrder(m, id, o => MagentoOrderActions.Ship(m, o, body));
        }).Op(S, "order.ship");
        api.MapGet("/shipments", (HttpContext http) => List(http, m, m.Shipments)).Op(S, "shipments.list");
        api.MapPost("/order/{id:int}/invoice", async (HttpContext http, int id) =>
        {
            var body = await Body(http) ?? new JsonObject();
            return WithOrder(m, id, o => MagentoOrderActions.Invoice(m, o, body));
        }).Op(S, "order.invoice");
        api.MapGet("/invoices", (HttpContext http) => List(http, m, m.Invoices)).Op(S, "invoices.list");

        api.MapGet("/products", (HttpContext http) => List(http, m, m.Products.Values)).Op(S, "products.list");
        api.MapGet("/products/{sku}", (string sku) =>
        {
            lock (m.Gate)
                return m.Products.TryGetValue(sku, out var p) ? Results.Json(p.DeepClone()) : Error(404, "The product that was requested doesn't exist. Verify the product and try again.");
        }).Op(S, "products.get");
        api.MapPost("/products", async Task<IResult> (HttpContext http) => MagentoCatalog.SaveProduct(m, await Body(http), null)).Op(S, "products.save");
        api.MapPut("/products/{sku}", async (HttpContext http, string sku) => MagentoCatalog.SaveProduct(m, await Body(http), sku)).Op(S, "products.save");

        api.MapPost("/inventory/source-items", async Task<IResult> (HttpContext http) => MagentoCatalog.SaveSourceItems(m, await Body(http))).Op(S, "source-items.save");
        api.MapGet("/inventory/source-items", (HttpContext http) => List(http, m, m.SourceItems.Values)).Op(S, "source-items.list");

        api.MapGet("/customers/search", (HttpContext http) => List(http, m, m.Customers.Values)).Op(S, "customers.search");
        api.MapGet("/customers/{id:int}", (int id) =>
        {
            lock (m.Gate)
                return m.Customers.TryGetValue(id, out var c) ? Results.Json(c.DeepClone())
                    : Error(404, "No such entity with %fieldName = %fieldValue", new JsonObject { ["fieldName"] = "customerId", ["fieldValue"] = id });
        }).Op(S, "customers.get");
        api.MapPost("/customers", async Task<IResult> (HttpContext http) => MagentoCatalog.CreateCustomer(m, await Body(http))).Op(S, "customers.create");
        api.MapPut("/customers/{id:int}", async (HttpContext http, int id) => MagentoCatalog.UpdateCustomer(m, id, await Body(http))).Op(S, "customers.save");
    }

    private static IResult List(HttpContext http, MagentoSimulator m, IEnumerable<JsonObject> source)
    {
        var criteria = SearchCriteria.Parse(http.Request.Query);
        lock (m.Gate)
        {
            var (page, total) = criteria.Apply(source);
            return Results.Json(new JsonObject
            {
                ["items"] = new JsonArray(page.Select(p => p.DeepClone()).ToArray()),
                ["search_criteria"] = criteria.Echo(),
                ["total_count"] = total,
            });
        }
    }

    private static IResult WithOrder(MagentoSimulator m, int id, Func<JsonObject, IResult> action)
    {
        lock (m.Gate)
            return m.Orders.TryGetValue(id, out var order) ? action(order) : Error(404, "The entity that was requested doesn't exist. Verify the entity and try again.");
    }

    internal static async Task<JsonObject?> Body(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal static IResult Error(int status, string message, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["message"] = message };
        if (parameters is not null) body["parameters"] = parameters;
        return Results.Json(body, statusCode: status);
    }
}

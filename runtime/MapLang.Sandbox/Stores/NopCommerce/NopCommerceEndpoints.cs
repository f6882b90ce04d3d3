using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>
/// The official nopCommerce Web API plugin, backend part, under <c>/nopcommerce/api-backend</c> (paths and DTOs of its v1.06 OpenAPI
/// document): <c>Authenticate/GetToken</c> → JWT in the <c>Authorization</c> header (bare or "Bearer …"); orders, order items, addresses,
/// customers, products with stock, shipments with the Ship/Deliver processing steps. 401/404 bodies are JSON strings, 400 is ProblemDetails.
/// </summary>
internal static class NopCommerceEndpoints
{
    private const string S = NopCommerceSimulator.System;

    public static void Map(IEndpointRouteBuilder app, NopCommerceSimulator nop, TokenStore tokens)
    {
        var root = app.MapGroup("/nopcommerce/api-backend");
        root.MapPost("/Authenticate/GetToken", async Task<IResult> (HttpContext http) => Authenticate(nop, tokens, await Body(http))).Op(S, "token");

        var api = root.MapGroup("");
        api.AddEndpointFilter(async (ctx, next) =>
            tokens.IsValid(S, TokenStore.FromAuthorization(ctx.HttpContext.Request.Headers.Authorization))
                ? await next(ctx)
                : Results.Json("Unauthorized: the JWT is missing, invalid or expired.", statusCode: 401));

        api.MapGet("/Order/Search", (HttpContext http) => NopCommerceOrders.Search(nop, http.Request.Query)).Op(S, "orders.search");
        api.MapGet("/Order/GetById/{id:int}", (int id) => Get(nop, nop.Orders, id, "Order")).Op(S, "orders.get");
        api.MapGet("/Order/GetByCustomOrderNumber", (string customOrderNumber) => NopCommerceOrders.ByCustomNumber(nop, customOrderNumber)).Op(S, "orders.get");
        api.MapPut("/Order/Update", async Task<IResult> (HttpContext http) => NopCommerceOrders.Update(nop, await Body(http))).Op(S, "orders.update");
        api.MapGet("/OrderItem/GetOrderItems/{orderId:int}", (int orderId) => NopCommerceOrders.Items(nop, orderId)).Op(S, "orderItems.list");
        api.MapGet("/OrderProcessing/CancelOrder/{orderId:int}", (int orderId) => NopCommerceOrders.Cancel(nop, orderId)).Op(S, "orders.cancel");
        api.MapGet("/OrderProcessing/MarkOrderAsPaid/{orderId:int}", (int orderId) => NopCommerceOrders.MarkPaid(nop, orderId)).Op(S, "orders.markPaid");

        api.MapGet("/Address/GetById/{id:int}", (int id) => Get(nop, nop.Addresses, id, "Address")).Op(S, "addresses.get");
        api.MapGet("/Customer/GetById/{id:int}", (int id) => Get(nop, nop.Customers, id, "Customer")).Op(S, "customers.get");
        api.MapGet("/Customer/GetCustomerByEmail", (string email) => NopCommerceCatalog.CustomerByEmail(nop, email)).Op(S, "customers.byEmail");
        api.MapGet("/Customer/GetAll", (HttpContext http) => NopCommerceCatalog.Customers(nop, http.Request.Query)).Op(S, "customers.list");
        api.MapPost("/Customer/Create", async Task<IResult> (HttpContext http) => NopCommerceCatalog.CreateCustomer(nop, await Body(http))).Op(S, "customers.create");
        api.MapGet("/Customer/GetAddressesByCustomerId/{customerId:int}", (int customerId) => NopCommerceCatalog.CustomerAddresses(nop, customerId)).Op(S, "customers.addresses");

        api.MapGet("/Product/GetById/{id:int}", (int id) => Get(nop, nop.Products, id, "Product")).Op(S, "products.get");
        api.MapGet("/Product/GetAll", (HttpContext http) => NopCommerceCatalog.Products(nop, http.Request.Query)).Op(S, "products.list");
        api.MapPut("/Product/Update", async Task<IResult> (HttpContext http) => NopCommerceCatalog.UpdateProduct(nop, await Body(http))).Op(S, "products.update");
        api.MapPost("/Product/AdjustInventory/{productId:int}", (int productId, int? quantityToChange) =>
            NopCommerceCatalog.AdjustInventory(nop, productId, quantityToChange)).Op(S, "products.adjustInventory");

        api.MapPost("/Shipment/Create", async Task<IResult> (HttpContext http) => NopCommerceShipping.Create(nop, await Body(http))).Op(S, "shipments.create");
        api.MapPost("/ShipmentItem/Create", async Task<IResult> (HttpContext http) => NopCommerceShipping.AddItem(nop, await Body(http))).Op(S, "shipmentItems.create");
        api.MapGet("/Shipment/GetById/{id:int}", (int id) => Get(nop, nop.Shipments, id, "Shipment")).Op(S, "shipments.get");
        api.MapGet("/Shipment/GetByOrderId/{orderId:int}", (int orderId) => NopCommerceShipping.ByOrder(nop, orderId)).Op(S, "shipments.byOrder");
        api.MapGet("/ShipmentItem/GetByShipmentId/{id:int}", (int id) => NopCommerceShipping.Items(nop, id)).Op(S, "shipmentItems.list");
        api.MapGet("/OrderProcessing/Ship/{shipmentId:int}", (int shipmentId) => NopCommerceShipping.Ship(nop, shipmentId)).Op(S, "shipments.ship");
        api.MapGet("/OrderProcessing/Deliver/{shipmentId:int}", (int shipmentId) => NopCommerceShipping.Deliver(nop, shipmentId)).Op(S, "shipments.deliver");
    }

    private static IResult Authenticate(NopCommerceSimulator nop, TokenStore tokens, JsonObject? body)
    {
        var o = nop.Options;
        var login = body?["email"]?.GetValue<string>() is { Length: > 0 } e ? e : body?["username"]?.GetValue<string>();
        if (!string.Equals(login, o.Email, StringComparison.OrdinalIgnoreCase) || body?["password"]?.GetValue<string>() != o.Password)
            return Results.Json("The credentials provided are incorrect", statusCode: 400);
        var customerId = 1;
        var token = tokens.Issue(S, o.TokenLifetime, expires => NopJwt.Create(o.JwtSecret, customerId, o.Email, expires, nop.Now));
        return Results.Json(new JsonObject { ["username"] = o.Email, ["customer_id"] = customerId, ["token"] = token });
    }

    private static IResult Get(NopCommerceSimulator nop, SortedDictionary<int, JsonObject> table, int id, string entity)
    {
        lock (nop.Gate) return table.TryGetValue(id, out var item) ? Results.Json(item.DeepClone()) : NotFound(entity, id);
    }

    internal static IResult NotFound(string entity, int id) => Results.Json($"{entity} Id={id} not found", statusCode: 404);

    /// <summary>ASP.NET Core's ProblemDetails as the v1.06 document spells it (PascalCase members).</summary>
    internal static IResult Problem(string title, string detail) => Results.Json(new JsonObject
    {
        ["Type"] = "https://tools.ietf.org/html/rfc7231#section-6.5.1", ["Title"] = title, ["Status"] = 400, ["Detail"] = detail, ["Instance"] = null,
    }, statusCode: 400);

    internal static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i.DeepClone()).ToArray());

    /// <summary>The Web API's PagedListDto: <c>{total_count, total_pages, has_previous_page, has_next_page, items, page_index, page_size}</c>; pageIndex is 0-based.</summary>
    internal static IResult Paged(IReadOnlyList<JsonObject> all, IQueryCollection q)
    {
        var index = Math.Max(0, Int(q, "pageIndex") ?? 0);
        var size = Math.Max(1, Int(q, "pageSize") ?? int.MaxValue);
        var pages = (int)Math.Ceiling(all.Count / (double)size);
        return Results.Json(new JsonObject
        {
            ["total_count"] = all.Count, ["total_pages"] = pages, ["has_previous_page"] = index > 0, ["has_next_page"] = index + 1 < pages,
            ["items"] = Array(all.Skip((int)Math.Min(int.MaxValue, (long)index * size)).Take(size)), ["page_index"] = index, ["page_size"] = size,
        });
    }

    internal static int? Int(IQueryCollection q, string key) =>
        int.TryParse(q[key], global::System.Globalization.NumberStyles.Integer, global::System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    internal static async Task<JsonObject?> Body(HttpContext http)
    {
        try { return await JsonNode.ParseAsync(http.Request.Body) as JsonObject; }
        catch (JsonException) { return null; }
    }
}

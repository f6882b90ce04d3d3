using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.Stores.Amazon.Auth;
using MapLang.Sandbox.Stores.Amazon.Feeds;
using MapLang.Sandbox.Stores.Amazon.Listings;
using MapLang.Sandbox.Stores.Amazon.Orders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>
/// SP-API under <c>/amazon</c> (one regional endpoint): every call needs <c>x-amz-access-token</c> from LWA (403 Unauthorized in the SP-API
/// error shape when missing or expired), passes its operation's token bucket (429 QuotaExceeded) and carries <c>x-amzn-RateLimit-Limit</c>
/// and <c>x-amzn-RequestId</c>. Operation names (for faults and usage plans) are the models' operationIds.
/// </summary>
internal static class AmazonEndpoints
{
    private const string S = AmazonSimulator.System;

    public static void Map(IEndpointRouteBuilder app, AmazonSimulator amazon, TokenStore tokens)
    {
        LwaTokenEndpoint.Map(app, amazon, tokens);
        app.MapPut("/amazon/_feed-documents/{id}", (string id, HttpRequest request) => FeedsApi.Upload(amazon, id, request)).Op(S, "uploadFeedDocument");
        app.MapGet("/amazon/_feed-documents/{id}", (string id) => FeedsApi.Download(amazon, id)).Op(S, "downloadFeedDocument");

        var api = app.MapGroup("/amazon");
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            http.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            var token = http.Request.Headers["x-amz-access-token"].ToString();
            if (token.Length == 0) return SpApiErrors.Denied("");
            if (!tokens.IsValid(S, token)) return SpApiErrors.Denied("The access token you provided has expired.");
            var operation = http.GetEndpoint()?.Metadata.GetMetadata<SandboxOperation>()?.Operation;
            if (operation is not null && amazon.Bucket(operation) is { } limit)
            {
                http.Response.Headers["x-amzn-RateLimit-Limit"] = limit.Plan.Rate.ToString(CultureInfo.InvariantCulture);
                if (!limit.Bucket.TryTake()) return SpApiErrors.QuotaExceeded();
            }
            FeedsApi.ProcessDue(amazon);
            return await next(ctx);
        });

        api.MapGet("/orders/v0/orders", (HttpContext http) => OrdersV0Api.GetOrders(amazon, http.Request.Query)).Op(S, "getOrders");
        api.MapGet("/orders/v0/orders/{orderId}", (string orderId) => OrdersV0Api.GetOrder(amazon, orderId)).Op(S, "getOrder");
        api.MapGet("/orders/v0/orders/{orderId}/orderItems", (string orderId) => OrdersV0Api.GetItems(amazon, orderId)).Op(S, "getOrderItems");
        api.MapGet("/orders/v0/orders/{orderId}/address", (string orderId) => OrdersV0Api.GetAddress(amazon, orderId)).Op(S, "getOrderAddress");
        api.MapGet("/orders/v0/orders/{orderId}/buyerInfo", (string orderId) => OrdersV0Api.GetBuyerInfo(amazon, orderId)).Op(S, "getOrderBuyerInfo");
        api.MapPost("/orders/v0/orders/{orderId}/shipmentConfirmation", async (HttpContext http, string orderId) =>
            ShipmentConfirmation.Confirm(amazon, orderId, await Body(http))).Op(S, "confirmShipment");

        api.MapGet("/orders/2026-01-01/orders", (HttpContext http) => Orders2026Api.Search(amazon, http.Request.Query)).Op(S, "searchOrders");
        api.MapGet("/orders/2026-01-01/orders/{orderId}", (string orderId) => Orders2026Api.Get(amazon, orderId)).Op(S, "getOrder.2026");

        var listings = api.MapGroup("/listings/2021-08-01/items/{sellerId}/{sku}");
        listings.MapGet("", (HttpContext http, string sellerId, string sku) => ListingsItemsApi.Get(amazon, sellerId, sku, http.Request.Query)).Op(S, "getListingsItem");
        listings.MapPut("", async (HttpContext http, string sellerId, string sku) => ListingsItemsApi.Put(amazon, sellerId, sku, http.Request.Query, await Body(http))).Op(S, "putListingsItem");
        listings.MapPatch("", async (HttpContext http, string sellerId, string sku) => ListingsItemsApi.Patch(amazon, sellerId, sku, http.Request.Query, await Body(http))).Op(S, "patchListingsItem");
        listings.MapDelete("", (HttpContext http, string sellerId, string sku) => ListingsItemsApi.Delete(amazon, sellerId, sku, http.Request.Query)).Op(S, "deleteListingsItem");

        api.MapPost("/feeds/2021-06-30/documents", async Task<IResult> (HttpContext http) => FeedsApi.CreateDocument(amazon, await Body(http))).Op(S, "createFeedDocument");
        api.MapGet("/feeds/2021-06-30/documents/{feedDocumentId}", (string feedDocumentId) => FeedsApi.GetDocument(amazon, feedDocumentId)).Op(S, "getFeedDocument");
        api.MapPost("/feeds/2021-06-30/feeds", async Task<IResult> (HttpContext http) => FeedsApi.Create(amazon, await Body(http))).Op(S, "createFeed");
        api.MapGet("/feeds/2021-06-30/feeds/{feedId}", (string feedId) => FeedsApi.Get(amazon, feedId)).Op(S, "getFeed");
        api.MapDelete("/feeds/2021-06-30/feeds/{feedId}", (string feedId) => FeedsApi.Cancel(amazon, feedId)).Op(S, "cancelFeed");
    }

    private static async Task<JsonObject?> Body(HttpContext http)
    {
        try { return await JsonNode.ParseAsync(http.Request.Body) as JsonObject; }
        catch (JsonException) { return null; }
    }
}

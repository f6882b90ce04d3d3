using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>Orders v0: getOrders (filters, NextToken paging), getOrder, getOrderItems, getOrderAddress, getOrderBuyerInfo; replies wrap <c>{payload}</c>.</summary>
internal static class OrdersV0Api
{
    public static IResult GetOrders(AmazonSimulator amazon, IQueryCollection request)
    {
        var q = request;
        var offset = 0;
        if (request["NextToken"].ToString() is { Length: > 0 } token)
        {
            if (PageToken.Read(token) is not { } page) return SpApiErrors.InvalidInput("Invalid NextToken.", "The NextToken is not valid or has expired.");
            (q, offset) = page;
        }
        var marketplaces = OrderFilter.List(q, "MarketplaceIds");
        if (marketplaces.Count == 0) return SpApiErrors.InvalidInput("Missing required 'MarketplaceIds' parameter.");
        var byUpdate = q["LastUpdatedAfter"].Count > 0;
        if (byUpdate == (q["CreatedAfter"].Count > 0)) return SpApiErrors.InvalidInput("Exactly one of CreatedAfter and LastUpdatedAfter is required.");
        foreach (var key in new[] { "CreatedAfter", "CreatedBefore", "LastUpdatedAfter", "LastUpdatedBefore" })
            if (OrderFilter.BadDate(q, key)) return SpApiErrors.InvalidInput($"Invalid {key}: it must be an ISO 8601 date time.");
        var size = OrderFilter.PageSize(q, "MaxResultsPerPage");
        if (size is < 1 or > 100) return SpApiErrors.InvalidInput("MaxResultsPerPage must be between 1 and 100.");
        var statuses = OrderFilter.List(q, "OrderStatuses");
        var channels = OrderFilter.List(q, "FulfillmentChannels");
        var ids = OrderFilter.List(q, "AmazonOrderIds");
        var dateField = byUpdate ? "LastUpdateDate" : "PurchaseDate";
        var after = OrderFilter.Date(q, byUpdate ? "LastUpdatedAfter" : "CreatedAfter")!.Value;
        var before = OrderFilter.Date(q, byUpdate ? "LastUpdatedBefore" : "CreatedBefore") ?? amazon.Now.AddMinutes(-2);
        lock (amazon.Gate)
        {
            var hits = amazon.Orders.Values.Select(o => o.V0).OfType<JsonObject>()
                .Where(o => marketplaces.Contains(o["MarketplaceId"]?.GetValue<string>() ?? ""))
                .Where(o => OrderFilter.Date(o[dateField]?.GetValue<string>()) is var d && d >= after && d <= before)
                .Where(o => statuses.Count == 0 || statuses.Contains(o["OrderStatus"]!.GetValue<string>()))
                .Where(o => channels.Count == 0 || channels.Contains(o["FulfillmentChannel"]?.GetValue<string>() ?? ""))
                .Where(o => ids.Count == 0 || ids.Contains(o["AmazonOrderId"]!.GetValue<string>()))
                .OrderBy(o => OrderFilter.Date(o[dateField]?.GetValue<string>())).ThenBy(o => o["AmazonOrderId"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            var payload = new JsonObject();
            if (offset + size < hits.Count) payload["NextToken"] = PageToken.Create(q, "NextToken", offset + size);
            payload["Orders"] = new JsonArray(hits.Skip(offset).Take(size).Select(o => o.DeepClone()).ToArray());
            payload[byUpdate ? "LastUpdatedBefore" : "CreatedBefore"] = AmazonSimulator.Iso(before);
            return Results.Json(new JsonObject { ["payload"] = payload });
        }
    }

    public static IResult GetOrder(AmazonSimulator amazon, string orderId) => With(amazon, orderId, o => o.V0!.DeepClone());

    public static IResult GetItems(AmazonSimulator amazon, string orderId) => With(amazon, orderId, o => new JsonObject
    {
        ["AmazonOrderId"] = o.Id, ["OrderItems"] = new JsonArray(o.Items.Select(i => i.DeepClone()).ToArray()),
    });

    public static IResult GetAddress(AmazonSimulator amazon, string orderId) => With(amazon, orderId, o => o.Address!.DeepClone());

    public static IResult GetBuyerInfo(AmazonSimulator amazon, string orderId) => With(amazon, orderId, o => o.Buyer!.DeepClone());

    private static IResult With(AmazonSimulator amazon, string orderId, Func<AmazonOrder, JsonNode> payload)
    {
        lock (amazon.Gate)
            return amazon.Orders.TryGetValue(orderId, out var order) && order.V0 is not null
                ? Results.Json(new JsonObject { ["payload"] = payload(order) })
                : SpApiErrors.NotFound($"Order {orderId} not found.");
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>Orders 2026-01-01: searchOrders (createdAfter or lastUpdatedAfter, fulfillmentStatuses, paginationToken) and getOrder <c>{order}</c>.</summary>
internal static class Orders2026Api
{
    public static IResult Search(AmazonSimulator amazon, IQueryCollection request)
    {
        var q = request;
        var offset = 0;
        if (request["paginationToken"].ToString() is { Length: > 0 } token)
        {
            if (PageToken.Read(token) is not { } page) return SpApiErrors.InvalidInput("Invalid paginationToken.");
            (q, offset) = page;
        }
        var byUpdate = q["lastUpdatedAfter"].Count > 0;
        if (byUpdate == (q["createdAfter"].Count > 0)) return SpApiErrors.InvalidInput("Exactly one of createdAfter and lastUpdatedAfter is required.");
        foreach (var key in new[] { "createdAfter", "createdBefore", "lastUpdatedAfter", "lastUpdatedBefore" })
            if (OrderFilter.BadDate(q, key)) return SpApiErrors.InvalidInput($"Invalid {key}: it must be an ISO 8601 date time.");
        var size = OrderFilter.PageSize(q, "maxResultsPerPage");
        if (size is < 1 or > 100) return SpApiErrors.InvalidInput("maxResultsPerPage must be between 1 and 100.");
        var statuses = OrderFilter.List(q, "fulfillmentStatuses");
        var marketplaces = OrderFilter.List(q, "marketplaceIds");
        var dateField = byUpdate ? "lastUpdatedTime" : "createdTime";
        var after = OrderFilter.Date(q, byUpdate ? "lastUpdatedAfter" : "createdAfter")!.Value;
        var before = OrderFilter.Date(q, byUpdate ? "lastUpdatedBefore" : "createdBefore") ?? amazon.Now.AddMinutes(-2);
        lock (amazon.Gate)
        {
            var hits = amazon.Orders.Values.Select(o => o.V2026).OfType<JsonObject>()
                .Where(o => OrderFilter.Date(o[dateField]?.GetValue<string>()) is var d && d >= after && d <= before)
                .Where(o => statuses.Count == 0 || statuses.Contains(o["fulfillment"]?["fulfillmentStatus"]?.GetValue<string>() ?? ""))
                .Where(o => marketplaces.Count == 0 || marketplaces.Contains(o["salesChannel"]?["marketplaceId"]?.GetValue<string>() ?? ""))
                .OrderBy(o => OrderFilter.Date(o[dateField]?.GetValue<string>())).ThenBy(o => o["orderId"]!.GetValue<string>(), StringComparer.Ordinal)
                .ToList();
            var reply = new JsonObject { ["orders"] = new JsonArray(hits.Skip(offset).Take(size).Select(o => o.DeepClone()).ToArray()) };
            if (offset + size < hits.Count) reply["pagination"] = new JsonObject { ["nextToken"] = PageToken.Create(q, "paginationToken", offset + size) };
            reply[byUpdate ? "lastUpdatedBefore" : "createdBefore"] = AmazonSimulator.Iso(before);
            return Results.Json(reply);
        }
    }

    public static IResult Get(AmazonSimulator amazon, string orderId)
    {
        lock (amazon.Gate)
            return amazon.Orders.TryGetValue(orderId, out var order) && order.V2026 is not null
                ? Results.Json(new JsonObject { ["order"] = order.V2026.DeepClone() })
                : SpApiErrors.NotFound($"Order {orderId} not found.");
    }
}

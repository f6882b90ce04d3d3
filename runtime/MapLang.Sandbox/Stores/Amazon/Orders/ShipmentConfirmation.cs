using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Orders;

/// <summary>
/// <c>POST /orders/v0/orders/{orderId}/shipmentConfirmation</c> <c>{marketplaceId, packageDetail:{packageReferenceId, carrierCode,
/// trackingNumber, shipDate, orderItems:[{orderItemId, quantity}]}}</c> → 204. Only Unshipped/PartiallyShipped orders; a quantity over the
/// unshipped one is refused. The order becomes PartiallyShipped or Shipped (2026: PARTIALLY_SHIPPED/SHIPPED) and an ORDER_CHANGE is published.
/// </summary>
internal static class ShipmentConfirmation
{
    public static IResult Confirm(AmazonSimulator amazon, string orderId, JsonObject? body)
    {
        var package = body?["packageDetail"] as JsonObject;
        if (body?["marketplaceId"] is null || package is null) return SpApiErrors.InvalidInput("Request has missing or invalid parameters and cannot be parsed.", "marketplaceId and packageDetail are required");
        foreach (var field in new[] { "packageReferenceId", "carrierCode", "trackingNumber", "shipDate" })
            if (package[field] is null) return SpApiErrors.InvalidInput($"Missing required field packageDetail.{field}.");
        var lines = (package["orderItems"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        if (lines.Count == 0) return SpApiErrors.InvalidInput("packageDetail.orderItems must not be empty.");
        AmazonOrder order;
        lock (amazon.Gate)
        {
            if (!amazon.Orders.TryGetValue(orderId, out order!) || order.V0 is null) return SpApiErrors.NotFound($"Order {orderId} not found.");
            var status = order.V0["OrderStatus"]!.GetValue<string>();
            if (status is not ("Unshipped" or "PartiallyShipped"))
                return SpApiErrors.InvalidInput($"The order is {status}; only Unshipped or PartiallyShipped orders can be confirmed.");
            var planned = new List<(JsonObject Item, int Quantity)>();
            foreach (var line in lines)
            {
                var id = line["orderItemId"]?.GetValue<string>();
                var item = order.Items.FirstOrDefault(i => i["OrderItemId"]?.GetValue<string>() == id);
                if (item is null) return SpApiErrors.InvalidInput($"Order item {id} is not part of order {orderId}.");
                var left = Ordered(item) - Shipped(item);
                var quantity = line["quantity"]?.GetValue<int>() ?? left;
                if (quantity < 1 || quantity > left) return SpApiErrors.InvalidInput($"Quantity {quantity} of order item {id} is more than the {left} left to ship.");
                planned.Add((item, quantity));
            }
            foreach (var (item, quantity) in planned) item["QuantityShipped"] = Shipped(item) + quantity;
            order.Shipments.Add((JsonObject)body!.DeepClone());
            Sync(amazon, order);
        }
        amazon.PublishOrderChange(order, "OrderStatusChange", "Shipment confirmed");
        return Results.NoContent();
    }

    /// <summary>Recomputes the order status and counts from its items, in both API versions.</summary>
    internal static void Sync(AmazonSimulator amazon, AmazonOrder order)
    {
        var ordered = order.Items.Sum(Ordered);
        var shipped = order.Items.Sum(Shipped);
        var status = shipped == 0 ? "Unshipped" : shipped < ordered ? "PartiallyShipped" : "Shipped";
        var now = AmazonSimulator.Iso(amazon.Now);
        order.V0!["OrderStatus"] = status;
        order.V0["NumberOfItemsShipped"] = shipped;
        order.V0["NumberOfItemsUnshipped"] = ordered - shipped;
        order.V0["LastUpdateDate"] = now;
        if (order.V2026 is { } o)
        {
            o["fulfillment"]!["fulfillmentStatus"] = status switch { "Shipped" => "SHIPPED", "PartiallyShipped" => "PARTIALLY_SHIPPED", _ => "UNSHIPPED" };
            o["lastUpdatedTime"] = now;
            foreach (var item in o["orderItems"]!.AsArray().OfType<JsonObject>())
                if (order.Items.FirstOrDefault(i => i["OrderItemId"]?.GetValue<string>() == item["orderItemId"]?.GetValue<string>()) is { } v0)
                    item["fulfillment"] = new JsonObject { ["quantityFulfilled"] = Shipped(v0), ["quantityUnfulfilled"] = Ordered(v0) - Shipped(v0) };
        }
    }

    private static int Ordered(JsonObject item) => item["QuantityOrdered"]?.GetValue<int>() ?? 0;

    private static int Shipped(JsonObject item) => item["QuantityShipped"]?.GetValue<int>() ?? 0;
}

using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.Stores.Amazon.Orders;

namespace MapLang.Sandbox.Stores.Amazon.Notifications;

/// <summary>
/// ORDER_CHANGE (payload version 1.0) in the envelope of notification.ORDER_CHANGE.json: the example with this order's values and a new
/// NotificationId. It summarises the order and its items (SKU, quantities, status), never the buyer or address.
/// </summary>
internal static class OrderChangeNotification
{
    public static JsonObject Create(AmazonSimulator amazon, AmazonOrder order, string changeType, string reason)
    {
        var n = (JsonObject)EmbeddedReference.ReadJson("reference/amazon/examples/notification.ORDER_CHANGE.json");
        var now = amazon.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", global::System.Globalization.CultureInfo.InvariantCulture);
        var v0 = order.V0!;
        n["EventTime"] = now;
        var change = (JsonObject)n["Payload"]!["OrderChangeNotification"]!;
        change["SellerId"] = amazon.Options.SellerId;
        change["AmazonOrderId"] = order.Id;
        change["OrderChangeType"] = changeType;
        change["OrderChangeTrigger"] = new JsonObject { ["TimeOfOrderChange"] = now, ["ChangeReason"] = reason };
        var summary = (JsonObject)change["Summary"]!;
        summary["MarketplaceId"] = v0["MarketplaceId"]?.DeepClone();
        summary["OrderStatus"] = v0["OrderStatus"]?.DeepClone();
        summary["PurchaseDate"] = v0["PurchaseDate"]?.DeepClone();
        summary["DestinationPostalCode"] = order.Address?["ShippingAddress"]?["PostalCode"]?.DeepClone() ?? "";
        summary["FulfillmentType"] = v0["FulfillmentChannel"]?.DeepClone();
        summary["OrderType"] = v0["OrderType"]?.DeepClone();
        summary["NumberOfItemsShipped"] = v0["NumberOfItemsShipped"]?.DeepClone();
        summary["NumberOfItemsUnshipped"] = v0["NumberOfItemsUnshipped"]?.DeepClone();
        foreach (var (target, source) in new[] { ("EarliestShipDate", "EarliestShipDate"), ("LatestShipDate", "LatestShipDate"), ("EarliestDeliveryDate", "EarliestDeliveryDate"), ("LatestDeliveryDate", "LatestDeliveryDate"), ("CancelNotifyDate", "LatestShipDate") })
            summary[target] = v0[source]?.DeepClone() ?? now;
        summary["OrderPrograms"] = new JsonArray();
        summary["ShippingPrograms"] = new JsonArray();
        summary["EasyShipShipmentStatus"] = v0["EasyShipShipmentStatus"]?.DeepClone() ?? "PendingPickUp";
        summary["ElectronicInvoiceStatus"] = v0["ElectronicInvoiceStatus"]?.DeepClone() ?? "NotRequired";
        var template = (JsonObject)summary["OrderItems"]![0]!;
        summary["OrderItems"] = new JsonArray(order.Items.Select(i =>
        {
            var item = (JsonObject)template.DeepClone();
            var ordered = i["QuantityOrdered"]?.GetValue<int>() ?? 0;
            var shipped = i["QuantityShipped"]?.GetValue<int>() ?? 0;
            item["OrderItemId"] = i["OrderItemId"]?.DeepClone();
            item["SellerSKU"] = i["SellerSKU"]?.DeepClone();
            item["SupplySourceId"] = "";
            item["OrderItemStatus"] = shipped == 0 ? "Unshipped" : shipped < ordered ? "PartiallyShipped" : "Shipped";
            item["Quantity"] = ordered;
            item["QuantityShipped"] = shipped;
            item["IsBuyerRequestedCancel"] = false;
            item["ItemEarliestDeliveryDate"] = summary["EarliestDeliveryDate"]!.DeepClone();
            item["ItemLatestDeliveryDate"] = summary["LatestDeliveryDate"]!.DeepClone();
            return (JsonNode)item;
        }).ToArray());
        var id = Guid.NewGuid().ToString();
        n["NotificationMetadata"] = new JsonObject
        {
            ["ApplicationId"] = amazon.Options.ApplicationId, ["SubscriptionId"] = "sandbox-subscription-order-change", ["PublishTime"] = now, ["NotificationId"] = id,
        };
        return n;
    }
}

using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>
/// Shipments as nopCommerce keeps them: <c>Shipment/Create</c> inserts the entity (tracking number; no status change),
/// <c>ShipmentItem/Create</c> adds order items to it, <c>OrderProcessing/Ship/{id}</c> sets the shipped date and moves the order's
/// ShippingStatus to 25 PartiallyShipped or 30 Shipped, <c>OrderProcessing/Deliver/{id}</c> to 40 Delivered (then a paid order is Complete).
/// </summary>
internal static class NopCommerceShipping
{
    public static IResult Create(NopCommerceSimulator nop, JsonObject? body)
    {
        if (body?["order_id"] is not JsonValue v || !v.TryGetValue<int>(out var orderId)) return NopCommerceEndpoints.Problem("One or more validation errors occurred.", "order_id is required.");
        lock (nop.Gate)
        {
            if (!nop.Orders.ContainsKey(orderId)) return NopCommerceEndpoints.NotFound("Order", orderId);
            var source = (JsonObject)body.DeepClone();
            source["id"] = ++nop.NextId;
            source["created_on_utc"] = NopSpec.Date(nop.Now);
            var shipment = nop.Shape("ShipmentDto", source);
            nop.Shipments[shipment["id"]!.GetValue<int>()] = shipment;
            return Results.Json(shipment.DeepClone());
        }
    }

    public static IResult AddItem(NopCommerceSimulator nop, JsonObject? body)
    {
        int Get(string name) => body?[name] is JsonValue v && v.TryGetValue<int>(out var i) ? i : 0;
        var (shipmentId, orderItemId, quantity) = (Get("shipment_id"), Get("order_item_id"), Get("quantity"));
        lock (nop.Gate)
        {
            if (!nop.Shipments.TryGetValue(shipmentId, out var shipment)) return NopCommerceEndpoints.NotFound("Shipment", shipmentId);
            if (!nop.OrderItems.TryGetValue(orderItemId, out var item) || item["order_id"]!.GetValue<int>() != shipment["order_id"]!.GetValue<int>())
                return NopCommerceEndpoints.Problem("Bad Request", $"Order item {orderItemId} does not belong to the shipment's order.");
            if (shipment["shipped_date_utc"] is not null) return NopCommerceEndpoints.Problem("Bad Request", "This shipment is already shipped.");
            var left = item["quantity"]!.GetValue<int>() - InShipments(nop, orderItemId);
            if (quantity <= 0 || quantity > left) return NopCommerceEndpoints.Problem("Bad Request", $"Quantity {quantity} is not between 1 and {left}, the quantity that can be added to a shipment.");
            var id = ++nop.NextId;
            nop.ShipmentItems[id] = nop.Shape("ShipmentItemDto", new JsonObject
            {
                ["id"] = id, ["shipment_id"] = shipmentId, ["order_item_id"] = orderItemId, ["quantity"] = quantity, ["warehouse_id"] = body!["warehouse_id"]?.DeepClone(),
            });
            return Results.Json(shipment.DeepClone());
        }
    }

    public static IResult ByOrder(NopCommerceSimulator nop, int orderId)
    {
        lock (nop.Gate) return Results.Json(NopCommerceEndpoints.Array(nop.Shipments.Values.Where(s => s["order_id"]!.GetValue<int>() == orderId)));
    }

    public static IResult Items(NopCommerceSimulator nop, int shipmentId)
    {
        lock (nop.Gate) return Results.Json(NopCommerceEndpoints.Array(nop.ShipmentItems.Values.Where(s => s["shipment_id"]!.GetValue<int>() == shipmentId)));
    }

    public static IResult Ship(NopCommerceSimulator nop, int shipmentId)
    {
        lock (nop.Gate)
        {
            if (!nop.Shipments.TryGetValue(shipmentId, out var shipment)) return NopCommerceEndpoints.NotFound("Shipment", shipmentId);
            if (shipment["shipped_date_utc"] is not null) return NopCommerceEndpoints.Problem("Bad Request", "This shipment is already shipped");
            shipment["shipped_date_utc"] = NopSpec.Date(nop.Now);
            var order = nop.Orders[shipment["order_id"]!.GetValue<int>()];
            order["shipping_status_id"] = HasItemsToAdd(nop, order) || HasShipments(nop, order, s => s["shipped_date_utc"] is null)
                ? NopStatuses.PartiallyShipped : NopStatuses.Shipped;
            NopCommerceOrders.CheckOrderStatus(order);
            return Results.Ok();
        }
    }

    public static IResult Deliver(NopCommerceSimulator nop, int shipmentId)
    {
        lock (nop.Gate)
        {
            if (!nop.Shipments.TryGetValue(shipmentId, out var shipment)) return NopCommerceEndpoints.NotFound("Shipment", shipmentId);
            if (shipment["shipped_date_utc"] is null) return NopCommerceEndpoints.Problem("Bad Request", "This shipment is not shipped yet");
            if (shipment["delivery_date_utc"] is not null) return NopCommerceEndpoints.Problem("Bad Request", "This shipment is already delivered");
            shipment["delivery_date_utc"] = NopSpec.Date(nop.Now);
            var order = nop.Orders[shipment["order_id"]!.GetValue<int>()];
            if (!HasItemsToAdd(nop, order) && !HasShipments(nop, order, s => s["shipped_date_utc"] is null || s["delivery_date_utc"] is null))
                order["shipping_status_id"] = NopStatuses.Delivered;
            NopCommerceOrders.CheckOrderStatus(order);
            return Results.Ok();
        }
    }

    private static int InShipments(NopCommerceSimulator nop, int orderItemId) =>
        nop.ShipmentItems.Values.Where(s => s["order_item_id"]!.GetValue<int>() == orderItemId).Sum(s => s["quantity"]!.GetValue<int>());

    private static bool HasItemsToAdd(NopCommerceSimulator nop, JsonObject order)
    {
        var id = order["id"]!.GetValue<int>();
        return nop.OrderItems.Values.Where(i => i["order_id"]!.GetValue<int>() == id)
            .Any(i => i["quantity"]!.GetValue<int>() > InShipments(nop, i["id"]!.GetValue<int>()));
    }

    private static bool HasShipments(NopCommerceSimulator nop, JsonObject order, Func<JsonObject, bool> predicate)
    {
        var id = order["id"]!.GetValue<int>();
        return nop.Shipments.Values.Where(s => s["order_id"]!.GetValue<int>() == id && nop.ShipmentItems.Values.Any(i => i["shipment_id"]!.GetValue<int>() == s["id"]!.GetValue<int>()))
            .Any(predicate);
    }
}

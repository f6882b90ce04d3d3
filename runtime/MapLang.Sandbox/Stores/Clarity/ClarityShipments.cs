using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Clarity;

/// <summary>
/// ASSUMED shipments (not in the stdlib Clarity schema either): <c>{TrackingNumber, CarrierKey, Items:[{SalesOrderItemID, Quantity}]}</c>;
/// the order's StatusKey becomes PartiallyShipped or Shipped.
/// </summary>
internal static class ClarityShipments
{
    public static IResult Create(ClaritySimulator c, int orderId, JsonObject? body)
    {
        var lines = (body?["Items"] as JsonArray)?.OfType<JsonObject>().ToList();
        if (string.IsNullOrEmpty(body?["TrackingNumber"]?.GetValue<string>()) || lines is null || lines.Count == 0)
            return ClarityEndpoints.Error(400, "ArgumentException", "TrackingNumber and Items are required.", "Items");
        return ClarityEndpoints.WithOrder(c, orderId, order =>
        {
            if (order["StatusKey"]?.GetValue<string>() is "Cancelled" or "Shipped" or "Completed")
                return ClarityEndpoints.Error(409, "InvalidState", $"Sales order {orderId} is {order["StatusKey"]}.");
            var items = order["SalesItems"]!.AsArray().OfType<JsonObject>().ToList();
            foreach (var line in lines)
            {
                var item = items.FirstOrDefault(i => i["ID"]!.GetValue<int>() == line["SalesOrderItemID"]?.GetValue<int>());
                var quantity = line["Quantity"]?.GetValue<decimal>() ?? 0;
                if (item is null || quantity <= 0 || quantity > item["Quantity"]!.GetValue<decimal>() - Shipped(c, item["ID"]!.GetValue<int>()))
                    return ClarityEndpoints.Error(400, "ArgumentException", $"Item {line["SalesOrderItemID"]} cannot ship {quantity}.", "Items");
            }
            var id = ++c.NextId;
            var shipment = new JsonObject
            {
                ["ID"] = id, ["SalesOrderID"] = orderId, ["TrackingNumber"] = body!["TrackingNumber"]!.DeepClone(),
                ["CarrierKey"] = body["CarrierKey"]?.DeepClone(), ["ShipDate"] = c.Now,
                ["Items"] = new JsonArray(lines.Select(l => (JsonNode)new JsonObject { ["SalesOrderItemID"] = l["SalesOrderItemID"]!.DeepClone(), ["Quantity"] = l["Quantity"]!.DeepClone() }).ToArray()),
            };
            c.Shipments[id] = shipment;
            var complete = items.All(i => Shipped(c, i["ID"]!.GetValue<int>()) >= i["Quantity"]!.GetValue<decimal>());
            order["StatusKey"] = complete ? "Shipped" : "PartiallyShipped";
            return Results.Json(shipment.DeepClone(), statusCode: 201);
        });
    }

    private static decimal Shipped(ClaritySimulator c, int itemId) =>
        c.Shipments.Values.SelectMany(s => s["Items"]!.AsArray().OfType<JsonObject>())
            .Where(i => i["SalesOrderItemID"]!.GetValue<int>() == itemId).Sum(i => i["Quantity"]!.GetValue<decimal>());
}
